package io.hypervwsman.transport;

import io.hypervwsman.ConfigurationException;
import io.hypervwsman.Hint;
import io.hypervwsman.transport.auth.NegotiateContext;
import io.hypervwsman.transport.auth.kerberos.GssMechanism;
import io.hypervwsman.transport.auth.kerberos.KerberosClientContext;
import io.hypervwsman.transport.auth.kerberos.KerberosCredentials;
import io.hypervwsman.transport.auth.kerberos.KerberosNegotiateContext;
import io.hypervwsman.transport.auth.kerberos.KerberosRealm;
import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.NtlmNegotiateContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Chooses the transport chain that fits the connection options. */
public final class Transports {
    /** The workstation name NTLM reports; the host only logs it. */
    private static final String WORKSTATION = "HYPERV-WSMAN";
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F:]+]?$");

    private Transports() {
    }

    /** The transport for these options: plain HTTP(S) for NONE and BASIC, Negotiate for the rest. */
    public static Transport open(ConnectionOptions options) {
        switch (options.authMode()) {
            case NONE:
            case BASIC:
            case CERTIFICATE:
                return new HttpTransport(options);
            case NTLM:
                return new NegotiateTransport(options, ntlm(options));
            case KERBEROS:
                return new NegotiateTransport(options, kerberos(options));
            case NEGOTIATE:
                return new NegotiateTransport(options, prefersKerberos(options) ? kerberos(options) : ntlm(options));
            default:
                throw new ConfigurationException("unknown authentication mode " + options.authMode());
        }
    }

    /**
     * Negotiate picks Kerberos when a keytab is configured or a ticket cache exists, and the host is a name
     * (Kerberos needs the SPN HTTP/name); otherwise NTLM.
     */
    static boolean prefersKerberos(ConnectionOptions options) {
        String host = options.endpoint().getHost();
        if (host == null || IP_LITERAL.matcher(host).matches() || "localhost".equalsIgnoreCase(host)) {
            return false;
        }
        KerberosOptions k = options.kerberos();
        return k.keytab() != null || (k.ticketCache() != null && Files.isReadable(k.ticketCache()))
                || defaultTicketCache() != null;
    }

    private static Path defaultTicketCache() {
        String env = System.getenv("KRB5CCNAME");
        if (env != null && env.startsWith("FILE:")) {
            env = env.substring(5);
        }
        if (env != null && !env.contains(":")) {
            Path p = Path.of(env);
            return Files.isReadable(p) ? p : null;
        }
        return null;
    }

    /** NTLM contexts for the options' credentials; {@code user@domain} goes whole in the user field. */
    static Supplier<NegotiateContext> ntlm(ConnectionOptions options) {
        Credentials c = options.credentials().orElseThrow(() -> new ConfigurationException(
                "NTLM authentication needs a user and password"));
        String user = c.user();
        int backslash = user.indexOf('\\');
        String domain = backslash >= 0 ? user.substring(0, backslash) : "";
        String name = backslash >= 0 ? user.substring(backslash + 1) : user;
        String host = options.endpoint().getHost();
        return () -> {
            char[] pw = c.password();
            try {
                return new NtlmNegotiateContext(NtlmClientContext.builder().domain(domain).user(name).password(pw)
                        .workstation(WORKSTATION).targetName("HTTP/" + host).build());
            } finally {
                Arrays.fill(pw, '\0');
            }
        };
    }

    /**
     * Kerberos contexts: one login (keytab, password or ticket cache), a fresh GSS context per connection. A keytab
     * or password login is done again when its TGT is about to end, so that a long run's new connections still
     * authenticate; a ticket cache cannot be renewed here (kinit again).
     */
    static Supplier<NegotiateContext> kerberos(ConnectionOptions options) {
        KerberosOptions k = options.kerberos();
        KerberosRealm realm = k.realm() == null ? null
                : KerberosRealm.of(k.realm().toUpperCase(Locale.ROOT), k.kdc() == null ? k.realm() : k.kdc());
        Supplier<KerberosCredentials> login;
        if (k.keytab() != null) {
            String principal = options.credentials().map(c -> principal(c.user(), k.realm())).orElseThrow(
                    () -> new ConfigurationException("a keytab needs the principal to log in as",
                            Hint.of(Hint.Kind.GIVE_PRINCIPAL)));
            login = () -> realm == null ? KerberosCredentials.fromKeytab(k.keytab(), principal)
                    : KerberosCredentials.fromKeytab(k.keytab(), principal, realm);
        } else if (options.credentials().isPresent() && options.credentials().get().password().length > 0) {
            Credentials c = options.credentials().get();
            String principal = principal(c.user(), k.realm());
            login = () -> {
                char[] pw = c.password();
                try {
                    return realm == null ? KerberosCredentials.fromPassword(principal, pw)
                            : KerberosCredentials.fromPassword(principal, pw, realm);
                } finally {
                    Arrays.fill(pw, '\0');
                }
            };
        } else {
            login = null;
        }
        KerberosCredentials first = login != null ? login.get() : k.ticketCache() == null
                ? KerberosCredentials.fromTicketCache() : KerberosCredentials.fromTicketCache(k.ticketCache());
        String host = options.endpoint().getHost();
        return new KerberosContexts(first, login, creds -> new KerberosNegotiateContext(k.servicePrincipal() != null
                ? KerberosClientContext.create(creds, k.servicePrincipal(), GssMechanism.SPNEGO)
                : KerberosClientContext.forHost(creds, host, GssMechanism.SPNEGO)));
    }

    /**
     * Kerberos contexts over one login, logged in again before a new context when the TGT ends within
     * {@link #RENEW_MARGIN}; closing the transport logs every login out (tickets and keys destroyed). A replaced login
     * is kept until then: connections it authenticated go on with their own session keys.
     */
    static final class KerberosContexts implements Supplier<NegotiateContext>, AutoCloseable {
        static final java.time.Duration RENEW_MARGIN = java.time.Duration.ofSeconds(30);
        private final Supplier<KerberosCredentials> login;
        private final java.util.function.Function<KerberosCredentials, NegotiateContext> contexts;
        private final java.util.List<KerberosCredentials> replaced = new java.util.ArrayList<>();
        private KerberosCredentials credentials;

        KerberosContexts(KerberosCredentials credentials, Supplier<KerberosCredentials> login,
                         java.util.function.Function<KerberosCredentials, NegotiateContext> contexts) {
            this.credentials = credentials;
            this.login = login;
            this.contexts = contexts;
        }

        @Override
        public NegotiateContext get() {
            return contexts.apply(current());
        }

        private synchronized KerberosCredentials current() {
            if (login != null && credentials.expiresWithin(RENEW_MARGIN, java.time.Instant.now())) {
                replaced.add(credentials);
                credentials = login.get();
            }
            return credentials;
        }

        synchronized KerberosCredentials credentials() {
            return credentials;
        }

        @Override
        public synchronized void close() {
            replaced.forEach(KerberosCredentials::close);
            credentials.close();
        }
    }

    /** {@code DOMAIN\\user} becomes {@code user@DOMAIN}; {@code user@realm} stays; a bare user takes the realm. */
    static String principal(String user, String realm) {
        int backslash = user.indexOf('\\');
        if (backslash >= 0) {
            return user.substring(backslash + 1) + "@" + user.substring(0, backslash).toUpperCase(Locale.ROOT);
        }
        if (user.contains("@") || realm == null) {
            return user;
        }
        return user + "@" + realm.toUpperCase(Locale.ROOT);
    }
}
