package io.hypervwsman.transport.auth.kerberos;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kerberos realm and its KDCs given explicitly, so no krb5.conf has to exist (see {@link Krb5ConfFile}).
 * KDCs are {@code host} or {@code host:port}; TCP is always used.
 */
public record KerberosRealm(String name, List<String> kdcs) {

    // Conservative on purpose: the values end up in a generated krb5.conf, so nothing that could break its syntax.
    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern KDC = Pattern.compile("([A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    public KerberosRealm {
        Objects.requireNonNull(name, "name");
        kdcs = List.copyOf(kdcs);
        if (!REALM.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid Kerberos realm name: " + name);
        }
        if (kdcs.isEmpty()) {
            throw new IllegalArgumentException("realm " + name + " needs at least one KDC");
        }
        for (String kdc : kdcs) {
            if (!KDC.matcher(kdc).matches()) {
                throw new IllegalArgumentException("not a valid KDC address (host or host:port): " + kdc);
            }
        }
    }

    /** A realm served by one KDC. */
    public static KerberosRealm of(String name, String kdc) {
        return new KerberosRealm(name, List.of(kdc));
    }
}
