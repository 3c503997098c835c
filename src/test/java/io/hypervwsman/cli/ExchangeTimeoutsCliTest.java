package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that accepts TCP and never answers, HTTPS spoken to an HTTP port, and a host that carries an Invoke out and
 * then never finishes its reply (silent, trickling, endless): each ends within the configured limit with one line
 * naming the limit, and an Invoke is decided as a lost reply, never sent twice.
 */
class ExchangeTimeoutsCliTest {
    private static final String VM = "web-frontend-01";
    /**
     * Far below the 75 s default read timeout (90 s before these limits), far above the 1 s limits the tests set: the
     * rest is JVM warm-up (the first JAXB context costs seconds on a loaded machine). The message proves which limit
     * fired and at what value.
     */
    private static final Duration BOUND = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    @Test
    void aHostThatAcceptsTcpAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (SilentHost silent = new SilentHost()) {
            long started = System.nanoTime();
            CliRun run = CliRun.against(silent.endpoint("http"), "LAB\\operator", "pw".toCharArray(), dir,
                    new ManualClock(CliRun.START), "revert-failover", "--vm", VM, "--connect-timeout", "1s");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(4, run.exitCode(), run::describe);
            assertTrue(run.err().startsWith("error: no answer to the authentication request from 127.0.0.1:"
                    + silent.endpoint("http").getPort() + " (is it a WinRM endpoint?) within the connect timeout of"
                    + " 1 s\n"), run::describe);
            assertTrue(run.err().contains("hint: check --host, the port (5985 HTTP, 5986 HTTPS) and --https; a slow"
                    + " network needs a longer --connect-timeout (default 10s)"), run::describe);
            assertEquals(2, run.err().lines().count(), run::describe);
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
            assertEquals(1, silent.connections());
        }
    }

    @Test
    void httpsSpokenToAPortThatNeverAnswersTheHandshakeFailsWithinTheConnectTimeout() throws Exception {
        try (SilentHost silent = new SilentHost()) {
            long started = System.nanoTime();
            CliRun run = CliRun.against(silent.endpoint("https"), "LAB\\operator", "pw".toCharArray(), dir,
                    new ManualClock(CliRun.START), "revert-failover", "--vm", VM, "--connect-timeout", "1s",
                    "--output", "json");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(4, run.exitCode(), run::describe);
            assertTrue(run.out().contains("\"message\":\"no TLS handshake with 127.0.0.1:"
                    + silent.endpoint("https").getPort() + " (is it an HTTPS port?) within the connect timeout of"
                    + " 1 s\""), run::describe);
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
        }
    }

    @Test
    void httpsSpokenToTheSimulatedHostsHttpPortFailsQuicklyWithOneLine() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            URI http = f.sim.endpoint();
            URI https = URI.create("https://127.0.0.1:" + http.getPort() + "/wsman");
            long started = System.nanoTime();
            CliRun run = CliRun.against(https, SimulatedHostFixture.USER, SimulatedHostFixture.PASSWORD.toCharArray(),
                    dir, f.clock, "revert-failover", "--vm", VM, "--connect-timeout", "1s");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(4, run.exitCode(), run::describe);
            String first = run.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("error: ") && first.contains("127.0.0.1:" + http.getPort())
                    && first.contains("TLS") && first.contains("HTTPS port"), run::describe);
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
            assertEquals(0, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void anInvokeWhoseReplyNeverComesIsDecidedByTheJobItStartedAfterTheReadTimeout() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.NO_REPLY, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--read-timeout", "1s", "--output", "json"),
                    cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job-found", j.get("decidedBy").asText());
            String message = j.get("message").asText();
            assertTrue(message.contains("the connection was lost after the revert-failover request was sent (no reply from"
                    + " 127.0.0.1:" + f.sim.endpoint().getPort() + " within the read timeout of 1 s)"), message);
            assertEquals(1, cli.reverts(), "exactly one Invoke");
        }
    }

    @Test
    void anInvokeReplyTrickledAByteAtATimeIsCutOffByTheExchangeTimeout() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.TRICKLE_REPLY, "RevertFailover");
            long started = System.nanoTime();

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--exchange-timeout", "1500ms", "--output",
                    "json"), cli::err);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            JsonNode j = cli.json();
            assertEquals("job-found", j.get("decidedBy").asText());
            String message = j.get("message").asText();
            assertTrue(message.contains("(the exchange with 127.0.0.1:" + f.sim.endpoint().getPort() + " did not"
                    + " finish within the exchange timeout of 1500 ms)"), message);
            assertEquals(1, cli.reverts(), "exactly one Invoke");
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
        }
    }

    @Test
    void anEndlessChunkedReplyToAnInvokeIsCutOffBySizeAndDecidedByTheJobItStarted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.ENDLESS_REPLY, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job-found", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("exceeds the MaxEnvelopeSize limit"), j.toString());
            assertEquals(1, cli.reverts(), "exactly one Invoke");
        }
    }

    @Test
    void theConnectingLineNamesTheEndpointTheUserAndTheConnectTimeout() {
        ConnectionOptions o = ConnectionOptions.builder(URI.create("https://hv01.lab.example:5986/wsman"))
                .auth(AuthMode.NTLM, new Credentials("LAB\\operator", "x".toCharArray()))
                .connectTimeout(Duration.ofSeconds(3)).build();
        assertEquals("connecting to https://hv01.lab.example:5986/wsman (ntlm as LAB\\operator, connect timeout 3s) ...",
                ConnectionMixin.connectingLine(o));
    }
}
