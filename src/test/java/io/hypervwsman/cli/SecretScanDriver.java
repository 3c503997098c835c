package io.hypervwsman.cli;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs in its own JVM for {@link SecretsNeverPrintedTest}: logging set up exactly as {@code main} does with
 * --verbose (DEBUG to stderr), then every command against a simulated host, text and JSON, succeeding and failing.
 * Writes the NTLM exported session keys the host agreed to {@code args[0]} so the test can look for them.
 */
public final class SecretScanDriver {
    static final String WRONG_PASSWORD = "Wr0ng-Pa55word!";
    private static final java.util.regex.Pattern JOB_ID = java.util.regex.Pattern.compile(
            "job ([0-9A-Fa-f]{8}-[0-9A-Fa-f-]{27})");

    private SecretScanDriver() {
    }

    public static void main(String[] args) throws Exception {
        Main.configureLogging(true);
        Path dir = Files.createTempDirectory("secret-scan");
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Path password = PrivateFile.write(dir.resolve("password"), SimulatedHostFixture.PASSWORD + "\n");
            Path wrong = PrivateFile.write(dir.resolve("wrong"), WRONG_PASSWORD + "\n");
            java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    System.out.write(b);
                    seen.write(b);
                }
            }, true, java.nio.charset.StandardCharsets.UTF_8);
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            Terminal terminal = new Terminal(out, System.err, null, Map.of(), f.clock, d -> f.clock.advance(d));
            for (String output : List.of("text", "json")) {
                for (List<String> command : commands()) {
                    if (command.get(0).equals("fault")) {
                        f.sim.gateway().faults().once(HostFault.valueOf(command.get(1)), command.get(2));
                        continue;
                    }
                    boolean useWrong = command.get(0).equals("wrong-password");
                    List<String> all = new ArrayList<>(useWrong ? command.subList(1, command.size()) : command);
                    java.util.regex.Matcher job = JOB_ID.matcher(seen.toString(java.nio.charset.StandardCharsets.UTF_8));
                    String jobId = job.find() ? job.group(1) : "none";
                    all.replaceAll(a -> a.equals("JOB") ? jobId : a);
                    all.addAll(List.of("--host", f.sim.endpoint().toString(), "--auth", "ntlm", "--user",
                            SimulatedHostFixture.USER, "--password-file", (useWrong ? wrong : password).toString(),
                            "--output", output, "--verbose"));
                    System.err.println("=== " + String.join(" ", all));
                    int code = Main.run(all.toArray(String[]::new), terminal);
                    System.err.println("=== exit " + code);
                    keys.addAll(sessionKeys(f));
                    f.clock.advance(Duration.ofSeconds(30));
                }
            }
            Files.writeString(Path.of(args[0]), String.join("\n", keys));
        }
    }

    private static List<List<String>> commands() {
        return List.of(
                List.of("revert-failover", "--vm", "web-frontend-01", "--timeout", "2s"),
                List.of("job", "show", "--job", "JOB"),
                List.of("job", "wait", "--job", "JOB"),
                List.of("job", "show", "--job", "no-such-job"),
                List.of("revert-failover", "--vm", "build-agent-01"),
                List.of("revert-failover", "--vm", "build-agent-01", "--turn-off", "--dry-run"),
                List.of("fault", "TAMPERED_SIGNATURE", "Get"),
                List.of("initiate-failover", "--vm", "app-extended-01"),
                List.of("commit-failover", "--vm", "web-frontend-01", "--yes"),
                List.of("test-failover", "--vm", "app-extended-01"),
                List.of("prepare-planned-failover", "--vm", "app-extended-01"),
                List.of("resynchronize", "--vm", "app-extended-01"),
                List.of("reverse-replication", "--vm", "reporting-01", "--dry-run"),
                List.of("reverse-replication", "--vm", "reporting-01"),
                List.of("initiate-failover", "--vm", "11111111-2222-4333-8444-555555555555", "--recovery-point",
                        "no-such-point"),
                List.of("fault", "FORGET_SESSIONS", "Enumerate"),
                List.of("replication", "status"),
                List.of("replication", "status", "--vm", "web-frontend-01"),
                List.of("vms"),
                List.of("fault", "PLAINTEXT_REPLY", "Enumerate"),
                List.of("vms"),
                List.of("revert-failover", "--vm", "no-such-vm"),
                List.of("wrong-password", "revert-failover", "--vm", "web-frontend-01"),
                List.of("wrong-password", "vms"));
    }

    /** The exported session key of every NTLM session the gateway holds, read by reflection (test only). */
    private static List<String> sessionKeys(SimulatedHostFixture f) throws ReflectiveOperationException {
        List<String> keys = new ArrayList<>();
        Field table = f.sim.gateway().getClass().getDeclaredField("sessions");
        table.setAccessible(true);
        Object sessionTable = table.get(f.sim.gateway());
        Field sessions = sessionTable.getClass().getDeclaredField("byPeer");
        sessions.setAccessible(true);
        for (Object session : ((Map<?, ?>) sessions.get(sessionTable)).values()) {
            Field ntlm = session.getClass().getDeclaredField("ntlm");
            ntlm.setAccessible(true);
            Object context = ntlm.get(session);
            if (context == null) {
                continue;
            }
            Field key = context.getClass().getDeclaredField("exportedSessionKey");
            key.setAccessible(true);
            byte[] value = (byte[]) key.get(context);
            if (value != null) {
                keys.add(HexFormat.of().formatHex(value));
            }
        }
        return keys;
    }
}
