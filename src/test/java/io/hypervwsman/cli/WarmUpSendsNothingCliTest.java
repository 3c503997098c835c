package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.hyperv.VirtualMachine;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * The start-up warm-up ({@link ClientWarmUp}) begins before the options are parsed, so it must be invisible: not
 * started at all for help, version or a command that talks to no host, and for a usage error the same exit code and
 * lines as without it, with no connection to the host named and no CXF bus made global.
 */
class WarmUpSendsNothingCliTest {
    @TempDir
    Path dir;

    @Test
    void helpVersionVerboseAndCommandsWithoutAHostAreNotWarmedUp() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-h"},
                new String[] {"--version"}, new String[] {"-V"}, new String[] {"help", "vms"},
                new String[] {"vms", "--help"}, new String[] {"replication", "status", "-h"},
                new String[] {"vms", "--host", "h", "--verbose"},
                new String[] {"simulate", "--port", "0"}, new String[] {"plan", "run", "p.yaml"})) {
            assertFalse(ClientWarmUp.leadsToAHost(args), String.join(" ", args));
        }
    }

    @Test
    void commandsThatTalkToAHostAreWarmedUp() {
        for (String[] args : List.of(new String[] {"vms", "--host", "h"},
                new String[] {"replication", "status", "--vm", "v", "--host", "h"},
                new String[] {"revert-failover", "--vm", "v", "--dry-run", "--simulate"},
                new String[] {"job", "wait", "--job", "j", "--host", "h"})) {
            assertTrue(ClientWarmUp.leadsToAHost(args), String.join(" ", args));
        }
    }

    @Test
    void onlyWithACoreToSpare() {
        assertFalse(ClientWarmUp.coreToSpare(1, 0.0), "one core");
        assertTrue(ClientWarmUp.coreToSpare(2, 0.9));
        assertTrue(ClientWarmUp.coreToSpare(2, 1.99));
        assertFalse(ClientWarmUp.coreToSpare(2, 2.0), "as many runnable tasks as cores");
        assertFalse(ClientWarmUp.coreToSpare(2, 12.6));
        assertTrue(ClientWarmUp.coreToSpare(8, 6.5));
    }

    @Test
    void everyCommandThatTalksToAHostIsWarmedUpAndNoOther() {
        for (Map.Entry<String, Class<?>> c : Main.commands().entrySet()) {
            assertEquals(talksToHost(c.getValue()), ClientWarmUp.leadsToAHost(new String[] {c.getKey()}), c.getKey());
        }
    }

    /** A {@link HostCommand}, or a group of commands one of which is. */
    private static boolean talksToHost(Class<?> command) {
        if (HostCommand.class.isAssignableFrom(command)) {
            return true;
        }
        for (Class<?> sub : command.getAnnotation(Command.class).subcommands()) {
            if (talksToHost(sub)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theWarmUpListsItsCannedVmThroughTheWholeClient() {
        List<VirtualMachine> vms = ClientWarmUp.run();
        assertEquals(1, vms.size());
        assertEquals("warm-up", vms.get(0).name());
        assertEquals("00000000-0000-0000-0000-000000000000", vms.get(0).id());
        assertEquals("Off", vms.get(0).powerState());
    }

    @Test
    void aUsageErrorEndsAsWithoutTheWarmUpAndConnectsToNothing() throws Exception {
        Map<String, String> env = Map.of(PasswordSource.ENV, "pw");
        Object defaultBus = BusFactory.getDefaultBus(false);
        try (SilentHost silent = new SilentHost()) {
            String host = silent.endpoint("http").toString();
            List<String[]> usageErrors = List.of(
                    new String[] {"vms", "--host", host, "--auth", "bogus", "--user", "LAB\\operator"},
                    new String[] {"vms", "--host", host, "--no-such-option"},
                    new String[] {"vmz", "--host", host},
                    new String[] {"replication", "status", "--host", host, "--output", "yaml"});
            List<CliRun> without = usageErrors.stream().map(a -> CliRun.exactly(env, a)).toList();

            ClientWarmUp.start();
            List<CliRun> with = usageErrors.stream().map(a -> CliRun.exactly(env, a)).toList();
            ClientWarmUp.awaitDone();

            for (int i = 0; i < usageErrors.size(); i++) {
                assertEquals(ExitCodes.USAGE, with.get(i).exitCode(), with.get(i).describe());
                assertEquals(without.get(i).describe(), with.get(i).describe());
            }
            assertEquals(0, silent.connections(), "connections to the host named");
        }
        assertEquals(defaultBus, BusFactory.getDefaultBus(false), "CXF's global default bus");
    }

    /**
     * The command's own client meets the host's refusals on the main thread, as before: the warm-up (started here, or
     * already finished earlier in this JVM) only ever talked to memory.
     */
    @Test
    void aRefusedConnectionAndAWrongPasswordEndAsWithoutTheWarmUp() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SimulatedHostFixture host = new SimulatedHostFixture("default")) {
            Map<String, String> wrongPassword = Map.of(PasswordSource.ENV, "not-" + SimulatedHostFixture.PASSWORD);
            String[] refused = {"vms", "--host", "http://127.0.0.1:" + closedPort + "/wsman", "--auth", "ntlm",
                    "--user", SimulatedHostFixture.USER};
            String[] rejected = {"vms", "--host", host.sim.endpoint().toString(), "--auth", "ntlm",
                    "--user", SimulatedHostFixture.USER};
            CliRun refusedWithout = CliRun.exactly(wrongPassword, refused);
            CliRun rejectedWithout = CliRun.exactly(wrongPassword, rejected);

            ClientWarmUp.start();
            CliRun refusedWith = CliRun.exactly(wrongPassword, refused);
            CliRun rejectedWith = CliRun.exactly(wrongPassword, rejected);
            ClientWarmUp.awaitDone();

            assertEquals(ExitCodes.CONNECTION, refusedWith.exitCode(), refusedWith.describe());
            assertEquals(refusedWithout.describe(), refusedWith.describe());
            assertEquals(ExitCodes.AUTHENTICATION, rejectedWith.exitCode(), rejectedWith.describe());
            assertEquals(rejectedWithout.describe(), rejectedWith.describe());
        }
    }

    @Test
    void helpInAProcessOfItsOwnLoadsNoCxfClass() throws Exception {
        for (String[] args : List.of(new String[] {"vms", "--help"}, new String[] {"--version"})) {
            Path log = dir.resolve("classes-" + args[0] + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI ended");
            assertEquals(0, p.exitValue());
            List<String> loaded = Files.readAllLines(log);
            assertTrue(loaded.stream().anyMatch(l -> l.contains("picocli.CommandLine ")), "the log lists classes");
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" org.apache.cxf.")
                    || l.contains("ClientWarmUp$")).toList(), String.join(" ", args));
        }
    }
}
