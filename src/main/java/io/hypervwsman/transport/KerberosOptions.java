package io.hypervwsman.transport;

import java.nio.file.Path;

/**
 * Where Kerberos credentials come from and whom to ask: a keytab, a ticket cache, or the password of
 * {@link ConnectionOptions#credentials()}; an explicit realm and KDC so that no krb5.conf is needed;
 * and the service principal if it is not {@code HTTP/<host>}. Every field may be null.
 */
public record KerberosOptions(Path keytab, Path ticketCache, String realm, String kdc, String servicePrincipal) {

    /** Nothing explicit: the default ticket cache, krb5.conf, and {@code HTTP/<host>}. */
    public static final KerberosOptions DEFAULTS = new KerberosOptions(null, null, null, null, null);
}
