package io.hypervwsman.cli;

import java.nio.file.Path;

/**
 * One named host of the config file: how to reach it and as whom. Every field may be null (not set); a password
 * never is one of them.
 *
 * @param name         the name --host picks it by
 * @param endpoint     host name or full endpoint URL, as --host takes it
 * @param https        HTTPS for a bare host name (--https)
 * @param auth         negotiate, ntlm, kerberos, basic or certificate (--auth)
 * @param user         DOMAIN\\user or user@REALM (--user)
 * @param caFile       CA certificate(s) to trust (--ca-file)
 * @param passwordFile a file holding the password, readable by its owner only (--password-file)
 * @param keytab       Kerberos keytab (--keytab)
 * @param realm        Kerberos realm (--realm)
 * @param kdc          Kerberos KDC (--kdc)
 * @param spn          Kerberos service principal (--spn)
 * @param clientCert   certificate authentication: PKCS#12 or PEM certificate (--client-cert)
 * @param clientKey    the key of a PEM client certificate (--client-key)
 */
record HostProfile(String name, String endpoint, Boolean https, String auth, String user, Path caFile,
                   Path passwordFile, Path keytab, String realm, String kdc, String spn, Path clientCert,
                   Path clientKey) {
}
