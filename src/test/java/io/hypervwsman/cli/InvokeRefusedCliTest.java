package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host refuses the Invoke without carrying it out: the refusal is reported as it is and never retried, since a
 * second Invoke could revert twice. A 401 is the one exception: the transport re-authenticates and resends, because a
 * 401 means the request never reached WinRM.
 */
class InvokeRefusedCliTest {
    private static final String VM = "web-frontend-01";
    private static final int RECOVERED = 5;
    @TempDir
    Path dir;

    @Test
    void aQuotaFaultOnTheInvokeIsReportedAndNotRetried() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.QUOTA, "RevertFailover", 1);

            assertEquals(1, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("failed", j.get("outcome").asText());
            assertEquals("fault", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().startsWith("RevertFailover was refused by " + f.sim.endpoint()
                    + ": RevertFailover failed on the host: QuotaLimit (2150859174): The WS-Management service cannot"
                    + " process the request. This user is allowed a maximum number of 25 concurrent operations"), j.get("message").asText());
            assertEquals(1, cli.reverts(), "the quota fault reached the host once and was not retried");
            assertEquals(RECOVERED, f.sim.replicationState(VM));
        }
    }

    @Test
    void http503OnTheInvokeIsAConnectionErrorAndNotRetried() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(HostFault.SERVICE_UNAVAILABLE, "RevertFailover");

            assertEquals(4, cli.run("revert-failover", "--vm", VM), cli::err);
            assertTrue(cli.err().startsWith("error: the WinRM service at " + f.sim.endpoint() + " is unavailable (HTTP"
                    + " 503)"), cli.err());
            assertTrue(cli.err().contains("hint: "), cli.err());
            assertEquals(0, cli.reverts(), "not carried out, and not sent again (a retry would have got through)");
            assertEquals(RECOVERED, f.sim.replicationState(VM));
        }
    }

    @Test
    void a401OnTheInvokeReauthenticatesAndTheHostSeesOneInvoke() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(HostFault.FORGET_SESSIONS, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM), cli::err);
            assertTrue(cli.out().startsWith("succeeded: RevertFailover completed for web-frontend-01 [decided by job"),
                    cli.out());
            assertEquals(2, f.sim.gateway().completedHandshakes(), "a second handshake after the 401");
            assertEquals(1, cli.reverts());
        }
    }
}
