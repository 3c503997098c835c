package io.hypervwsman.transport.auth.kerberos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.client.KrbClient;
import org.apache.kerby.kerberos.kerb.identity.backend.BackendConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * An Apache Kerby KDC on 127.0.0.1 (TCP only, AES keys only) with a password user, a keytab user and the
 * service HTTP/localhost. One per JVM (see {@link EmbeddedKdcExtension}): the JDK caches its Kerberos
 * configuration per JVM, so one realm at one address keeps every test class seeing the same setup, and
 * starting the KDC (about a second) happens once. Clients reach it through {@link #realm()}, i.e. through
 * the generated krb5.conf of {@link Krb5ConfFile}, never through a krb5.conf of Kerby's.
 */
public final class EmbeddedKdc implements AutoCloseable {

    public static final String REALM = "EXAMPLE.TEST";
    public static final String USER = "alice@" + REALM;
    public static final String KEYTAB_USER = "bob@" + REALM;
    public static final String SERVICE = "HTTP/localhost@" + REALM;
    static final String UNREGISTERED_SERVICE = "HTTP/nowhere.example.test@" + REALM;
    /** Test-only secret for a throwaway realm. */
    private static final String USER_PASSWORD = "correct horse battery staple";

    private final SimpleKdcServer kdc;
    private final Path workDir;
    private final int port;

    private EmbeddedKdc(SimpleKdcServer kdc, Path workDir, int port) {
        this.kdc = kdc;
        this.workDir = workDir;
        this.port = port;
    }

    static EmbeddedKdc start() {
        try {
            Path workDir = Files.createTempDirectory("embedded-kdc-");
            int port = freePort();
            KdcConfig config = new KdcConfig();
            config.setString(KdcConfigKey.ENCRYPTION_TYPES, "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96");
            SimpleKdcServer kdc = new SimpleKdcServer(config, new BackendConfig());
            kdc.setWorkDir(workDir.toFile());
            kdc.setKdcRealm(REALM);
            kdc.setKdcHost("127.0.0.1");
            kdc.setKdcTcpPort(port);
            kdc.setAllowUdp(false);
            kdc.init();
            kdc.start();
            // SimpleKdcServer.init() points java.security.krb5.conf at its own krb5.conf. Undo that so the JVM
            // looks like a client machine without Kerberos set up and the explicit-realm path is what runs.
            System.clearProperty(Krb5ConfFile.CONF_PROPERTY);
            kdc.createPrincipal(USER, USER_PASSWORD);
            kdc.createPrincipal(KEYTAB_USER);
            kdc.createPrincipal(SERVICE);
            return new EmbeddedKdc(kdc, workDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KrbException e) {
            throw new IllegalStateException("embedded KDC did not start", e);
        }
    }

    /** The realm as a client configures it explicitly, so no krb5.conf is needed. */
    public KerberosRealm realm() {
        return KerberosRealm.of(REALM, "127.0.0.1:" + port);
    }

    public char[] userPassword() {
        return USER_PASSWORD.toCharArray();
    }

    /** Writes {@code principal}'s keys to a new keytab in {@code dir}. */
    public Path exportKeytab(String principal, Path dir) {
        Path keytab = dir.resolve(principal.replaceAll("[^A-Za-z0-9]", "_") + ".keytab");
        try {
            kdc.exportPrincipal(principal, keytab.toFile());
        } catch (KrbException e) {
            throw new IllegalStateException("cannot export keytab for " + principal, e);
        }
        return keytab;
    }

    /** Does what {@code kinit} does: gets {@code USER} a TGT and writes it to a credentials cache in {@code dir}. */
    Path kinit(Path dir) {
        Path cache = dir.resolve("krb5cc_test");
        try {
            KrbClient client = kdc.getKrbClient();
            client.storeTicket(client.requestTgt(USER, USER_PASSWORD), cache.toFile());
        } catch (KrbException e) {
            throw new IllegalStateException("cannot obtain a TGT for the ticket cache", e);
        }
        return cache;
    }

    /**
     * Tickets issued from now on last {@code lifetime} (whole seconds; Kerby counts its ticket lifetimes in seconds of
     * real time, it has no clock to inject) until the returned handle is closed, which restores the defaults.
     */
    public AutoCloseable shortTickets(java.time.Duration lifetime) {
        org.apache.kerby.kerberos.kerb.server.KdcConfig config = kdc.getKdcConfig();
        long max = config.getMaximumTicketLifetime();
        long min = config.getMinimumTicketLifetime();
        config.setLong(KdcConfigKey.MINIMUM_TICKET_LIFETIME, 1L);
        config.setLong(KdcConfigKey.MAXIMUM_TICKET_LIFETIME, lifetime.toSeconds());
        return () -> {
            config.setLong(KdcConfigKey.MAXIMUM_TICKET_LIFETIME, max);
            config.setLong(KdcConfigKey.MINIMUM_TICKET_LIFETIME, min);
        };
    }

    @Override
    public void close() throws KrbException, IOException {
        kdc.stop();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
