package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is missing is named with how to give it: --user, the Kerberos realm and KDC, a scenario name (the bundled
 * ones are listed), the port the simulator could not bind.
 */
class MissingPieceHintsCliTest {
    @TempDir
    Path dir;

    @Test
    void aMissingUserSaysHowToGiveIt() {
        CliRun r = CliRun.exactly("vms", "--host", "hv01.lab.example");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().startsWith("error: --user is required for negotiate authentication\nhint: add --user"),
                r.err());
    }

    @Test
    void aKerberosLoginThatFindsNoKdcPointsAtRealmAndKdc() throws IOException {
        Path password = PrivateFile.write(dir.resolve("pw"), "Pa55word\n");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun r = CliRun.exactly(Map.of(), "vms", "--host", "http://127.0.0.1:" + closed + "/wsman", "--auth",
                "kerberos", "--user", "operator@LAB.EXAMPLE", "--password-file", password.toString(), "--realm",
                "LAB.EXAMPLE", "--kdc", "127.0.0.1:" + closed);
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.err().contains("hint: " + FailureHints.KDC), r.err());
    }

    @Test
    void aBundledScenarioIsTakenByNameAndAWrongOneListsThem() {
        CliRun ok = CliRun.exactly("vms", "--simulate", "--scenario", "wrong-state-sync", "--output", "json");
        assertEquals(0, ok.exitCode(), ok::describe);
        assertTrue(ok.json().get("vms").size() > 0);

        CliRun wrong = CliRun.exactly("vms", "--simulate", "--scenario", "wrong-state");
        assertEquals(2, wrong.exitCode(), wrong::describe);
        assertTrue(wrong.err().contains("hint: bundled scenarios: " + String.join(", ", BundledScenarios.NAMES)),
                wrong.err());
    }

    @Test
    void theBundledNamesAreTheScenariosInTheJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/scenarios"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertEquals(names, BundledScenarios.NAMES.stream().sorted().toList());
        }
    }

    @Test
    void simulateNamesThePortItCouldNotBind() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRun r = CliRun.exactly(Map.of(PasswordSource.ENV, "Sim-Pa55word!"), "simulate", "--port",
                    Integer.toString(port), "--user", "LAB\\operator");
            assertEquals(2, r.exitCode(), r::describe);
            assertTrue(r.err().startsWith("error: cannot listen on 127.0.0.1:" + port + ": "), r.err());
            assertTrue(r.err().contains("choose another --port"), r.err());
        }
    }
}
