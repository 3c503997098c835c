package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * A logged-in Kerberos identity (a JAAS Subject holding a TGT or keys), from the ticket cache, a keytab or a
 * password. Logging in happens in the factory, so a password is used once and wiped, never kept.
 */
public final class KerberosCredentials implements AutoCloseable {

    private final LoginContext login;
    private final String principal;

    private KerberosCredentials(LoginContext login) {
        this.login = login;
        this.principal = login.getSubject().getPrincipals(KerberosPrincipal.class).stream()
                .findFirst().map(KerberosPrincipal::getName).orElse("(unknown)");
    }

    /** The default ticket cache (KRB5CCNAME or the platform default), as after {@code kinit}. */
    public static KerberosCredentials fromTicketCache() {
        return login("(default principal)", ticketCacheOptions(null), null);
    }

    /** A specific ticket cache file. */
    public static KerberosCredentials fromTicketCache(Path ticketCache) {
        return login("(default principal)", ticketCacheOptions(ticketCache), null);
    }

    /** A keytab holding {@code principal}'s keys, using the JVM's Kerberos configuration. */
    public static KerberosCredentials fromKeytab(Path keytab, String principal) {
        return fromKeytab(keytab, principal, null);
    }

    /** A keytab holding {@code principal}'s keys, with the realm and KDC given explicitly (may be null). */
    public static KerberosCredentials fromKeytab(Path keytab, String principal, KerberosRealm realm) {
        return login(principal, keytabOptions(keytab, principal, true, realm), null);
    }

    /** A user and password, using the JVM's Kerberos configuration; {@code password} is not retained. */
    public static KerberosCredentials fromPassword(String principal, char[] password) {
        return fromPassword(principal, password, null);
    }

    /** A user and password with the realm and KDC given explicitly (may be null); the password is not retained. */
    public static KerberosCredentials fromPassword(String principal, char[] password, KerberosRealm realm) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(password, "password");
        Map<String, String> options = new HashMap<>();
        options.put("principal", principal);
        options.put("useTicketCache", "false");
        options.put("useKeyTab", "false");
        options.put("storeKey", "false");
        options.put("doNotPrompt", "false");
        applyRealm(options, realm);
        try (PasswordCallbacks callbacks = new PasswordCallbacks(principal, password)) {
            return login(principal, options, callbacks);
        }
    }

    /** A service's long-term keys from a keytab, for accepting contexts; the KDC is not contacted. */
    public static KerberosCredentials forAcceptor(Path keytab, String servicePrincipal) {
        return login(servicePrincipal, keytabOptions(keytab, servicePrincipal, false, null), null);
    }

    /** The Kerberos principal name these credentials are for. */
    public String principal() {
        return principal;
    }

    Subject subject() {
        return login.getSubject();
    }

    /**
     * When the ticket-granting ticket ends, if this login holds one (a keytab or password login does; an acceptor's
     * keys have none). A TGT past its end is dropped by the JDK when a context looks for credentials, and a new
     * connection could no longer authenticate.
     */
    public java.util.Optional<java.time.Instant> ticketGrantingTicketEnd() {
        return login.getSubject().getPrivateCredentials(javax.security.auth.kerberos.KerberosTicket.class).stream()
                .filter(t -> t.getServer() != null && t.getServer().getName().startsWith("krbtgt/")
                        && t.getEndTime() != null)
                .map(t -> t.getEndTime().toInstant()).min(java.util.Comparator.naturalOrder());
    }

    /** Whether the TGT ends within {@code margin} of {@code now} (or has ended); false without a TGT. */
    public boolean expiresWithin(java.time.Duration margin, java.time.Instant now) {
        return ticketGrantingTicketEnd().map(end -> !end.isAfter(now.plus(margin))).orElse(false);
    }

    /** Whether the tickets and keys are gone from memory (after {@link #close()}). */
    public boolean isDestroyed() {
        return login.getSubject().getPrivateCredentials().isEmpty();
    }

    /** Destroys the tickets and keys held in memory. */
    @Override
    public void close() {
        try {
            login.logout();
        } catch (LoginException e) {
            // Nothing left to undo; the Subject's credentials are unusable either way.
        }
    }

    @Override
    public String toString() {
        return "KerberosCredentials[" + principal + "]";
    }

    private static KerberosCredentials login(String principal, Map<String, String> options,
            PasswordCallbacks callbacks) {
        return new KerberosCredentials(KerberosLogin.login(principal, options, callbacks));
    }

    private static Map<String, String> ticketCacheOptions(Path ticketCache) {
        Map<String, String> options = new HashMap<>();
        options.put("useTicketCache", "true");
        options.put("doNotPrompt", "true");
        if (ticketCache != null) {
            options.put("ticketCache", ticketCache.toString());
        }
        return options;
    }

    private static Map<String, String> keytabOptions(Path keytab, String principal, boolean initiator,
            KerberosRealm realm) {
        Objects.requireNonNull(principal, "principal");
        if (!Files.isReadable(keytab)) {
            throw new AuthenticationException("keytab " + keytab + " does not exist or is not readable");
        }
        Map<String, String> options = new HashMap<>();
        options.put("useKeyTab", "true");
        options.put("keyTab", keytab.toString());
        options.put("principal", principal);
        options.put("storeKey", "true");
        options.put("doNotPrompt", "true");
        options.put("useTicketCache", "false");
        options.put("isInitiator", Boolean.toString(initiator));
        applyRealm(options, realm);
        return options;
    }

    private static void applyRealm(Map<String, String> options, KerberosRealm realm) {
        if (realm != null && Krb5ConfFile.apply(realm)) {
            options.put("refreshKrb5Config", "true");
        }
    }
}
