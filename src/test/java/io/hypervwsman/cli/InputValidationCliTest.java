package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator types reaches the host only as data: VM names are WQL literals (quotes, backslashes and WQL
 * metacharacters escaped, never injected); bad hosts, durations, names and options are usage errors (exit code 2)
 * before anything is invoked.
 */
class InputValidationCliTest {
    @TempDir
    Path dir;

    @Test
    void aNameThatTriesToWidenTheQueryFindsNothingAndInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            String injection = "x' OR Caption='Hosting Computer System";

            assertEquals(1, cli.run("revert-failover", "--vm", injection, "--force"), cli::err);
            assertTrue(cli.err().startsWith("error: no virtual machine named " + injection + " on "), cli.err());
            assertEquals(0, cli.reverts());
            assertEquals(1, cli.run("revert-failover", "--vm", "web-frontend-01' OR ElementName LIKE '%", "--force"));
            assertEquals(0, cli.reverts());
        }
    }

    @Test
    void aNameWithQuotesBackslashesAndMetacharactersIsFoundExactly() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("odd-vm-names.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            String odd = "O'Brien \\\\lab\\\\ \"x\" %_*;--";
            assertEquals(1, f.sim.vmIds(odd).size(), "the scenario has the odd name");

            assertEquals(0, cli.run("revert-failover", "--vm", odd, "--output", "json"), cli::err);
            assertEquals("7B1D4C3A-2E5F-4A6B-8C9D-0E1F2A3B4C5D", cli.json().get("vm").get("id").asText());
            assertEquals(1, cli.reverts());
            assertEquals(ReplicationState.RECOVERED.value(), f.sim.replicationState("web-frontend-01"), "the other VM was not touched");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there", "nul\0byte", "   "})
    void aNameWithControlCharactersIsAUsageError(String name) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("revert-failover", "--vm", name), cli::err);
            assertTrue(cli.err().startsWith("error: a VM name"), cli.err());
            assertEquals(0, cli.reverts());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hv01 rm -rf", "ftp://hv01/wsman", "http://", "hv01:99999", "[::1", "https://:5986/wsman"})
    void aHostThatIsNotAHostOrUrlIsAUsageError(String host) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.runExactly("vms", "--host", host, "--user", "LAB\\op", "--auth", "ntlm"), cli::err);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertTrue(!cli.err().contains("\tat "), "no stack trace: " + cli.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5m", "5x", "m", "1h-5m", "99999999999999999999h", "9223372036854775807h", "PT-1S",
        "P", ""})
    void aDurationThatIsNotAPositiveDurationIsAUsageError(String duration) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("revert-failover", "--vm", "web-frontend-01", "--timeout", duration), cli::err);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertTrue(!cli.err().contains("\tat "), "no stack trace: " + cli.err());
            assertEquals(0, f.sim.gateway().requestCount(), "nothing was sent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--frobnicate", "--vm=", "--output=xml", "--auth=digest", "--password=secret"})
    void unknownOptionsAndBadValuesAreUsageErrors(String option) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            int code = cli.run("revert-failover", "--vm", "web-frontend-01", option);
            assertEquals(2, code, cli::err);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertEquals(0, cli.reverts());
        }
    }
}
