package io.hypervwsman.wsman;

import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares {@link FixtureHost}'s Kerberos mode for a test class: the JVM-wide embedded KDC, a service
 * keytab exported into a fresh directory, and the client identity.
 */
final class KerberosFixtureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        EmbeddedKdc kdc = EmbeddedKdcExtension.kdc(context);
        Path keytabs = Files.createTempDirectory("fixture-keytabs-");
        context.getStore(ExtensionContext.Namespace.create(KerberosFixtureExtension.class))
                .put("keytabs", (AutoCloseable) () -> deleteTree(keytabs));
        FixtureHost.kerberos = new FixtureHost.KerberosSetup(kdc.realm(), kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs),
                EmbeddedKdc.SERVICE, EmbeddedKdc.USER, kdc.userPassword());
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
