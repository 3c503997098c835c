package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replication-server set and the entry subcommands through the CLI against the simulated host. */
class ReplicationServerSetCliTest {
    private static final String THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567";
    @TempDir
    Path dir;

    @Test
    void setShowsTheSettingsReadBackAndShowAgreesAfterwards() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "replication-server", "set", "--allowed-authentication", "both",
                    "--certificate-thumbprint", THUMBPRINT, "--certificate-port", "8443");
            assertEquals("replication-server set", j.get("operation").asText());
            assertEquals("ModifyServiceSettings", j.get("wmiMethod").asText());
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job", j.get("decidedBy").asText());
            assertTrue(j.get("changed").asBoolean());
            assertEquals(0, j.get("exitCode").asInt());
            assertTrue(j.get("simulated").isBoolean());
            assertEquals(4096, j.get("returnValue").asInt());
            assertEquals("Kerberos", j.get("before").get("allowedAuthenticationType").asText());
            assertEquals(443, j.get("before").get("certificateAuthenticationPort").asInt());
            assertEquals("CertificateAndKerberos", j.get("after").get("allowedAuthenticationType").asText());
            assertEquals(8443, j.get("after").get("certificateAuthenticationPort").asInt());
            assertEquals(THUMBPRINT, j.get("after").get("certificateThumbprint").asText());
            assertEquals(2, j.get("after").get("authorizationEntries").size());
            assertEquals(1, f.sim.invocations("ModifyServiceSettings"));

            JsonNode shown = cli.json(0, "replication-server", "show");
            assertEquals("CertificateAndKerberos", shown.get("allowedAuthenticationType").asText());
            assertEquals(8443, shown.get("certificateAuthenticationPort").asInt());
            assertEquals(80, shown.get("kerberosAuthenticationPort").asInt());

            assertEquals(0, cli.run("replication-server", "set", "--allowed-authentication", "kerberos"), cli::err);
            assertTrue(cli.out().lines().anyMatch(l -> l.matches("allowedAuthenticationType\\s+CertificateAndKerberos"
                    + " -> Kerberos")), cli.out());
            assertTrue(cli.out().lines().anyMatch(l -> l.matches("certificateThumbprint\\s+" + THUMBPRINT + " -> -")),
                    cli.out());
        }
    }

    @Test
    void aSetThatChangesNothingInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "replication-server", "set", "--replication-enabled", "true",
                    "--allowed-authentication", "kerberos", "--kerberos-port", "80", "--allow-any-server", "true",
                    "--default-storage", "D:\\Replica");
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("nothing-to-do", j.get("decidedBy").asText());
            assertFalse(j.get("changed").asBoolean());
            assertEquals(2, j.get("steps").size());
            assertEquals(j.get("before"), j.get("after"));
            assertEquals(0, f.sim.invocations("ModifyServiceSettings"));
            assertEquals(0, f.sim.invocations("ModifyAuthorizationEntry"));
        }
    }

    @Test
    void aDryRunReadsAndInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "replication-server", "set", "--kerberos-port", "8080", "--dry-run");
            assertEquals("planned", j.get("outcome").asText());
            assertEquals("dry-run", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("Kerberos port 8080"), j.toString());
            assertEquals(80, j.get("after").get("kerberosAuthenticationPort").asInt());
            assertEquals(0, f.sim.invocations("ModifyServiceSettings"));
        }
    }

    @Test
    void allowingAnyServerIsTheStarEntryAddedThenRemoved() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "replication-server", "set", "--replication-enabled", "true",
                    "--allowed-authentication", "kerberos", "--allow-any-server", "true", "--default-storage",
                    "D:\\Replicas");
            assertEquals("ModifyServiceSettings+AddAuthorizationEntry", j.get("wmiMethod").asText());
            assertEquals(2, j.get("steps").size());
            assertFalse(j.get("before").get("replicationAllowedFromAnyServer").asBoolean());
            assertTrue(j.get("after").get("replicationEnabled").asBoolean());
            assertTrue(j.get("after").get("replicationAllowedFromAnyServer").asBoolean());
            assertEquals("D:\\Replicas", j.get("after").get("defaultStorageLocation").asText());
            assertEquals("DEFAULT", j.get("after").get("authorizationEntries").get(0).get("trustGroup").asText());

            j = cli.json(0, "replication-server", "set", "--default-storage", "E:\\Replicas");
            assertEquals("ModifyAuthorizationEntry", j.get("wmiMethod").asText());
            assertEquals("E:\\Replicas", j.get("after").get("defaultStorageLocation").asText());

            j = cli.json(0, "replication-server", "set", "--allow-any-server", "false");
            assertEquals("RemoveAuthorizationEntry", j.get("wmiMethod").asText());
            assertFalse(j.get("after").get("replicationAllowedFromAnyServer").asBoolean());
            assertEquals(0, j.get("after").get("authorizationEntries").size());
            assertEquals(1, f.sim.invocations("AddAuthorizationEntry"));
            assertEquals(1, f.sim.invocations("RemoveAuthorizationEntry"));
        }
    }

    @Test
    void refusalsComeBeforeAnyInvoke() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(1, "replication-server", "set", "--allowed-authentication", "certificate");
            assertEquals("failed", j.get("outcome").asText());
            assertEquals("pre-check", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("needs the thumbprint"), j.toString());
            assertTrue(j.get("hint").asText().contains("--certificate-thumbprint"), j.toString());
            // "*" exists beside an entry for a named server: allowing any server again is only its storage.
            assertEquals(2, cli.run("replication-server", "set", "--allow-any-server", "true"));
            assertTrue(cli.err().contains("default storage location"), cli.err());
            assertEquals(2, cli.run("replication-server", "set", "--kerberos-port", "0"));
            assertEquals(0, f.sim.invocations("ModifyServiceSettings") + f.sim.invocations("AddAuthorizationEntry"));
        }
    }

    @Test
    void theAnyServerEntryIsRefusedWhereEntriesStandInItsWay() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(1, "replication-server", "set", "--default-storage", "D:\\Replicas");
            assertEquals("pre-check", j.get("decidedBy").asText());
            assertTrue(j.get("hint").asText().contains("--allow-any-server true"), j.toString());

            cli.json(0, "replication-server", "add-entry", "--primary-server", "hv02.lab.example", "--storage",
                    "E:\\FromHV02", "--trust-group", "PAIR");
            assertEquals(1, cli.run("replication-server", "set", "--allow-any-server", "true", "--default-storage",
                    "D:\\Replicas"));
            assertTrue(cli.err().contains("1 authorization entries for named primary servers exist"), cli.err());
            assertTrue(cli.err().contains("hint: remove each with: hyperv-wsman replication-server remove-entry"),
                    cli.err());
            j = cli.json(1, "replication-server", "add-entry", "--primary-server", "HV02.lab.example", "--storage",
                    "F:\\Other", "--trust-group", "PAIR");
            assertTrue(j.get("hint").asText().contains("replication-server set-entry --primary-server"), j.toString());
            assertEquals(1, f.sim.invocations("AddAuthorizationEntry"));
        }
    }

    @Test
    void entriesAreAddedChangedAndRemovedOneMethodEach() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "replication-server", "add-entry", "--primary-server", "*.branch.lab.example",
                    "--storage", "F:\\Branch", "--trust-group", "BRANCH");
            assertEquals("AddAuthorizationEntry", j.get("wmiMethod").asText());
            assertEquals(3, j.get("after").get("authorizationEntries").size());

            j = cli.json(0, "replication-server", "add-entry", "--primary-server", "*.BRANCH.lab.example",
                    "--storage", "F:\\Branch", "--trust-group", "BRANCH");
            assertEquals("nothing-to-do", j.get("decidedBy").asText());

            j = cli.json(0, "replication-server", "set-entry", "--primary-server", "*.branch.lab.example",
                    "--storage", "G:\\Branch");
            assertEquals("ModifyAuthorizationEntry", j.get("wmiMethod").asText());
            assertEquals("G:\\Branch", j.get("after").get("authorizationEntries").get(2).get("storageLocation")
                    .asText());

            assertEquals(0, cli.run("replication-server", "remove-entry", "--primary-server", "hv02.lab.example"),
                    cli::err);
            assertTrue(cli.out().contains("removed authorization: hv02.lab.example"), cli.out());

            j = cli.json(0, "replication-server", "remove-entry", "--primary-server", "hv02.lab.example");
            assertEquals("nothing-to-do", j.get("decidedBy").asText());
            j = cli.json(1, "replication-server", "set-entry", "--primary-server", "nosuch", "--storage", "X:\\");
            assertEquals("pre-check", j.get("decidedBy").asText());
            assertEquals(1, f.sim.invocations("AddAuthorizationEntry"));
            assertEquals(1, f.sim.invocations("ModifyAuthorizationEntry"));
            assertEquals(1, f.sim.invocations("RemoveAuthorizationEntry"));
        }
    }

    @Test
    void aLostReplyIsNeverResentAndIsDecidedFromTheJobOrTheSettings() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "ModifyServiceSettings");
            JsonNode j = cli.json(0, "replication-server", "set", "--kerberos-port", "8080");
            assertEquals("job-found", j.get("decidedBy").asText(), j.toString());
            assertEquals(8080, j.get("after").get("kerberosAuthenticationPort").asInt());
            assertEquals(1, f.sim.invocations("ModifyServiceSettings"));

            // No JobType is documented for the entry methods' jobs: the entries read back decide.
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "AddAuthorizationEntry");
            j = cli.json(0, "replication-server", "add-entry", "--primary-server", "hv03.lab.example", "--storage",
                    "E:\\FromHV03", "--trust-group", "PAIR");
            assertEquals("host-settings", j.get("decidedBy").asText(), j.toString());
            assertTrue(j.get("changed").asBoolean());
            assertEquals(1, f.sim.invocations("AddAuthorizationEntry"));
        }
    }

    @Test
    void accessDeniedIsTheHostsRefusal() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-server-behaviours.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(1, "replication-server", "set", "--kerberos-port", "8080");
            assertEquals("failed", j.get("outcome").asText());
            assertEquals("return-value", j.get("decidedBy").asText());
            assertEquals(32769, j.get("returnValue").asInt());
            assertTrue(j.get("message").asText().contains("Access Denied"), j.toString());
            assertFalse(j.get("changed").asBoolean());
            assertEquals(80, j.get("after").get("kerberosAuthenticationPort").asInt());
        }
    }

    @Test
    void aJobStillRunningAtTheTimeoutSaysHowToGoOnWaiting() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-server-behaviours.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(5, "replication-server", "add-entry", "--primary-server", "hv03.lab.example",
                    "--storage", "E:\\FromHV03", "--trust-group", "PAIR", "--timeout", "1m");
            assertEquals("timed-out", j.get("outcome").asText());
            assertTrue(j.get("changed").isNull(), j.toString());
            String jobId = j.get("job").get("instanceId").asText();
            assertTrue(j.get("resume").asText().startsWith("hyperv-wsman job wait --job " + jobId), j.toString());
            assertEquals(0, j.get("after").get("authorizationEntries").size());
            assertEquals(1, f.sim.invocations("AddAuthorizationEntry"));
        }
    }
}
