package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job over Kerberos with message encryption (HTTP-Kerberos-session-encrypted): the CLI logs in to an
 * embedded KDC with an explicit realm and KDC (no krb5.conf), the simulated host accepts the service ticket for
 * HTTP/localhost, and the revert runs to the end with one Invoke.
 */
@ExtendWith(EmbeddedKdcExtension.class)
class RevertFailoverOverKerberosCliTest {
    @TempDir
    Path dir;

    /** The default scenario, also accepting Kerberos for HTTP/localhost. */
    private SimulatedHostFixture kerberosHost(EmbeddedKdc kdc) {
        SimulatedHostFixture host = new SimulatedHostFixture("default");
        host.sim.gateway().acceptKerberos(kdc.exportKeytab(EmbeddedKdc.SERVICE, dir), EmbeddedKdc.SERVICE);
        return host;
    }

    @Test
    void revertFailoverOverKerberosAndEncryption(EmbeddedKdc kdc) throws Exception {
        try (SimulatedHostFixture host = kerberosHost(kdc)) {
            SimulatedCli cli = new SimulatedCli(host, dir);
            Path password = PrivateFile.write(dir.resolve("kerberos-password"), new String(kdc.userPassword()) + "\n");

            int code = cli.runExactly("revert-failover", "--vm", "web-frontend-01", "--output", "json",
                    "--host", host.sim.endpoint().toString(), "--auth", "kerberos", "--user", EmbeddedKdc.USER,
                    "--password-file", password.toString(), "--realm", kdc.realm().name(),
                    "--kdc", kdc.realm().kdcs().get(0), "--spn", EmbeddedKdc.SERVICE);

            assertEquals(0, code, cli::err);
            JsonNode json = cli.json();
            assertEquals("succeeded", json.get("outcome").asText());
            assertEquals("Completed", json.get("job").get("state").asText());
            assertEquals(1, cli.reverts(), "exactly one Invoke");
            assertEquals(1, host.sim.gateway().completedHandshakes(), "one Kerberos session for the whole run");
            assertTrue(!cli.err().contains(new String(kdc.userPassword())), "the password is never printed");
        }
    }

    @Test
    void aWrongKerberosPasswordIsExitCodeThreeAndNothingIsSent(EmbeddedKdc kdc) throws Exception {
        try (SimulatedHostFixture host = kerberosHost(kdc)) {
            SimulatedCli cli = new SimulatedCli(host, dir);
            Path password = PrivateFile.write(dir.resolve("wrong-password"), "not the password\n");

            int code = cli.runExactly("revert-failover", "--vm", "web-frontend-01", "--host",
                    host.sim.endpoint().toString(), "--auth", "kerberos", "--user", EmbeddedKdc.USER, "--password-file",
                    password.toString(), "--realm", kdc.realm().name(), "--kdc", kdc.realm().kdcs().get(0));

            assertEquals(3, code, cli::err);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertEquals(0, host.sim.gateway().requestCount(), "the KDC refused the login before any request");
        }
    }
}
