package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors end in exit code 2 with one clear line, before anything is sent. */
class CommandLineUsageTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        return Main.run(args, new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, env, java.time.Clock.systemUTC(),
                io.hypervwsman.hyperv.Sleeper.system()));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run(Map.of(), "revert-failover", "--vm", "x", "--frobnicate"));
        assertTrue(err().contains("--frobnicate"), err());
    }

    @Test
    void missingHostIsAUsageError() {
        assertEquals(2, run(Map.of(), "revert-failover", "--vm", "x"));
        assertTrue(err().contains("--host is required"), err());
    }

    @Test
    void badDurationIsAUsageError() {
        assertEquals(2, run(Map.of(), "revert-failover", "--host", "h", "--vm", "x", "--timeout", "soon"));
        assertTrue(err().contains("not a duration"), err());
    }

    @Test
    void noPasswordAndNoTerminalIsAUsageError() {
        assertEquals(2, run(Map.of(), "revert-failover", "--host", "h", "--user", "LAB\\op", "--vm", "x"));
        assertTrue(err().contains("HYPERV_WSMAN_PASSWORD"), err());
    }

    @Test
    void connectionRefusedIsExitCodeFour(@TempDir Path dir) throws Exception {
        Path pw = PrivateFile.write(dir.resolve("pw"), "Secret-Refused1\n");
        assertEquals(4, run(Map.of(), "revert-failover", "--host", "127.0.0.1:1", "--user", "LAB\\op", "--auth", "ntlm",
                "--password-file", pw.toString(), "--vm", "x"));
        assertTrue(err().startsWith("error: cannot connect"), err());
        assertTrue(!err().contains("Secret-Refused1"));
    }

    @Test
    void jsonOutputOnAnErrorIsStillOneObject(@TempDir Path dir) throws Exception {
        Path pw = PrivateFile.write(dir.resolve("pw"), "Secret-Json1");
        assertEquals(4, run(Map.of(), "revert-failover", "--host", "127.0.0.1:1", "--user", "LAB\\op", "--auth", "ntlm",
                "--password-file", pw.toString(), "--vm", "web01", "--output", "json"));
        String json = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(json.startsWith("{\"operation\":\"revert-failover\"") && json.endsWith("}"), json);
        assertTrue(json.contains("\"outcome\":\"failed\"") && json.contains("\"exitCode\":4"), json);
        assertEquals(1, json.lines().count());
    }

    @Test
    void durationsAsOperatorsWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofMinutes(30), c.convert("30m"));
        assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(45), c.convert("PT45S"));
    }
}
