package io.hypervwsman.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Recovery plans under a real kill -9 (BENCHMARKS.md, "Recovery plans"): one {@code hyperv-wsman simulate} host
 * process per round, a test-failover plan of 30 VMs in 3 groups run by a real {@code plan run} child process that
 * is killed with SIGKILL once its journal has a random number of lines, then {@code plan resume} (itself killed
 * again in some rounds) to the end; then, from outside over WS-Man ({@code job list}, {@code vms}), each VM must
 * have at most one test-failover job and exactly one test VM. Needs target/hyperv-wsman.jar (built by the same
 * {@code mvn -Pbench verify}). Args: SEED ROUNDS VMS (default 18 20 30).
 */
public final class PlanKillMinus9 {
    private static final String USER = "LAB\\operator";
    private static final String PASSWORD = "Bench-Pa55word!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GROUPS = {"db", "app", "web"};

    private final Path jar = Path.of("target/hyperv-wsman.jar").toAbsolutePath();
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path dir;
    private final Path pw;
    private final int vms;

    private PlanKillMinus9(Path dir, int vms) throws IOException {
        this.dir = dir;
        this.vms = vms;
        this.pw = Files.createFile(dir.resolve("password"), PosixFilePermissions
                .asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pw, PASSWORD + "\n");
    }

    static String name(int i) {
        return GROUPS[i % GROUPS.length] + "-" + String.format("%02d", i);
    }

    /** One simulated replica host holding {@code vms} replicated VMs, replicated a minute ago. */
    private Path scenario(Path roundDir) throws IOException {
        ObjectNode s = JSON.createObjectNode().put("host", "DR-HV1").put("dnsDomain", "dr.example");
        s.putArray("users").add(USER);
        s.putObject("behaviours").putObject("TestReplicaSystem").put("jobDuration", "PT0.2S")
                // A second Invoke on a VM already in test then leaves a failed job that job list shows.
                .put("wrongState", "job");
        ArrayNode list = s.putArray("vms");
        String last = Instant.now().minus(Duration.ofMinutes(1)).toString();
        for (int i = 0; i < vms; i++) {
            ObjectNode vm = list.addObject().put("name", name(i))
                    .put("id", String.format("C0000000-0000-4000-8000-%012d", i)).put("power", "off")
                    .put("replicationMode", 2);
            vm.putArray("relationships").addObject().put("state", 3).put("health", 1)
                    .put("lastReplicationTime", last).put("failedOverReplicationType", 0);
        }
        Path file = roundDir.resolve("host.json");
        JSON.writeValue(file.toFile(), s);
        return file;
    }

    private Path plan(Path roundDir, String endpoint) throws IOException {
        StringBuilder p = new StringBuilder("name: kill-bench\nrpo: 15m\nconcurrency: { plan: 6, perHost: 6 }\n"
                + "onFailure: continue\nhosts:\n  dr: { endpoint: \"" + endpoint
                + "\", user: 'LAB\\operator', auth: ntlm }\ngroups:\n");
        for (String g : GROUPS) {
            p.append("  - name: ").append(g).append("\n    host: dr\n    action: test-failover\n    vms: [\"")
                    .append(g).append("-*\"]\n");
        }
        return Files.writeString(roundDir.resolve("plan.yaml"), p.toString());
    }

    private Process start(Path roundDir, String log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(roundDir.toFile())
                .redirectOutput(roundDir.resolve(log + ".out").toFile())
                .redirectError(roundDir.resolve(log + ".err").toFile()).start();
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * Runs the child until the journal has {@code killAt} lines, then SIGKILLs it (destroyForcibly on Linux);
     * returns the journal's line count at the kill, or -1 if the child ended first.
     */
    private static long killWhenJournalHas(Process p, Path journal, long killAt) throws Exception {
        while (p.isAlive()) {
            long n = lines(journal);
            if (n >= killAt) {
                p.destroyForcibly();
                p.waitFor();
                return n;
            }
            p.waitFor(2, TimeUnit.MILLISECONDS);
        }
        return -1;
    }

    private JsonNode query(Path roundDir, String endpoint, String... verb) throws Exception {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of("--host", endpoint, "--user", USER, "--auth", "ntlm", "--password-file", pw.toString(),
                "--output", "json"));
        Process p = start(roundDir, String.join("-", verb), args.toArray(String[]::new));
        int code = p.waitFor();
        String out = Files.readString(roundDir.resolve(String.join("-", verb) + ".out"));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", verb) + " exit " + code + ": "
                    + Files.readString(roundDir.resolve(String.join("-", verb) + ".err")));
        }
        return JSON.readTree(out);
    }

    record Round(int n, String kills, int duplicates, int undecided, int interrupted, int failed, int succeeded,
                 int journalLines, long wallMs) {
    }

    /** A full round; {@code journalLength} 0: one uncut run (the calibration), else kills before that length. */
    private Round round(int n, Random random, long journalLength) throws Exception {
        long t0 = System.nanoTime();
        Path roundDir = Files.createDirectories(dir.resolve("round-" + n));
        Process host = start(roundDir, "simulate", "simulate", "--scenario", scenario(roundDir).toString(),
                "--user", USER, "--password-file", pw.toString());
        try {
            String endpoint = endpoint(roundDir.resolve("simulate.out"), host);
            Path plan = plan(roundDir, endpoint);
            Path journal = roundDir.resolve("plan.yaml.journal");
            List<String> kills = new ArrayList<>();
            String verb = "run";
            if (journalLength > 0) {
                long at = 1 + random.nextInt((int) journalLength - 1);
                while (true) {
                    Process p = start(roundDir, "plan-" + verb + "-" + kills.size(), "plan", verb, plan.toString(),
                            "--password-file", pw.toString(), "--output", "json");
                    long killedAt = killWhenJournalHas(p, journal, at);
                    kills.add(killedAt < 0 ? verb + ": ended before line " + at : verb + "@" + killedAt);
                    verb = "resume";
                    // A third of the rounds kill the resume again, later in the journal.
                    if (killedAt < 0 || kills.size() > 2 || random.nextInt(3) != 0
                            || killedAt + 2 >= journalLength) {
                        break;
                    }
                    at = killedAt + 1 + random.nextInt((int) (journalLength - killedAt - 1));
                }
            }
            Process last = start(roundDir, "plan-final", "plan", verb, plan.toString(), "--password-file",
                    pw.toString(), "--output", "json");
            last.waitFor();
            JsonNode result = JSON.readTree(roundDir.resolve("plan-final.out").toFile());
            int undecided = 0;
            int interrupted = 0;
            int failed = 0;
            int succeeded = 0;
            for (JsonNode v : result.path("vms")) {
                switch (v.path("outcome").asText()) {
                    case "succeeded" -> succeeded++;
                    case "interrupted" -> interrupted++;
                    case "failed" -> failed++;
                    default -> undecided++;
                }
            }
            undecided += vms - result.path("vms").size();
            // From outside: test-failover jobs per VM, and test VMs per VM.
            Map<String, Integer> jobs = new HashMap<>();
            for (JsonNode j : query(roundDir, endpoint, "job", "list").path("jobs")) {
                String vm = j.path("vm").path("name").asText("");
                jobs.merge(vm.replace(" - Test", ""), 1, Integer::sum);
            }
            Map<String, Integer> testVms = new HashMap<>();
            for (JsonNode v : vmList(query(roundDir, endpoint, "vms"))) {
                String name = v.path("name").asText("");
                if (name.endsWith(" - Test")) {
                    testVms.merge(name.substring(0, name.length() - " - Test".length()), 1, Integer::sum);
                }
            }
            int duplicates = 0;
            for (int i = 0; i < vms; i++) {
                int j = jobs.getOrDefault(name(i), 0);
                int t = testVms.getOrDefault(name(i), 0);
                duplicates += Math.max(0, j - 1) + Math.max(0, t - 1);
                if (t == 0 && !isNotInvoked(result, name(i))) {
                    undecided++;
                }
            }
            return new Round(n, kills.isEmpty() ? "none" : String.join(", ", kills), duplicates, undecided,
                    interrupted, failed, succeeded, (int) lines(journal), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            host.destroyForcibly();
            host.waitFor();
        }
    }

    private static Iterable<JsonNode> vmList(JsonNode vmsOut) {
        return vmsOut.isArray() ? vmsOut : vmsOut.path("vms");
    }

    /** A VM the resume reports interrupted or failed (not sent again) rightly has no test VM. */
    private static boolean isNotInvoked(JsonNode result, String vm) {
        for (JsonNode v : result.path("vms")) {
            if (vm.equals(v.path("vm").asText(v.path("name").asText()))) {
                String o = v.path("outcome").asText();
                return o.equals("interrupted") || o.equals("failed");
            }
        }
        return false;
    }

    private static String endpoint(Path out, Process host) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && host.isAlive()) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith("listening on ")) {
                    return line.substring("listening on ".length()).trim();
                }
            }
            host.waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("simulate did not start: " + Files.readString(out));
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 18;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int vms = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("plan-kill9");
        PlanKillMinus9 bench = new PlanKillMinus9(dir, vms);
        Random random = new Random(seed);
        Round calibration = bench.round(0, random, 0);
        System.out.printf("uncut run: %d VMs, %d succeeded, %d journal lines, duplicates %d, wall %d ms%n", vms,
                calibration.succeeded(), calibration.journalLines(), calibration.duplicates(), calibration.wallMs());
        System.out.println("| round | kills (journal line at SIGKILL) | duplicate Invokes | VMs undecided "
                + "| interrupted / failed | wall ms |");
        System.out.println("|---|---|---|---|---|---|");
        int dup = 0;
        int und = 0;
        int intr = 0;
        int fail = 0;
        List<Long> walls = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Round x = bench.round(r, random, calibration.journalLines());
            System.out.printf("| %d | %s | %d | %d | %d / %d | %d |%n", r, x.kills(), x.duplicates(), x.undecided(),
                    x.interrupted(), x.failed(), x.wallMs());
            dup += x.duplicates();
            und += x.undecided();
            intr += x.interrupted();
            fail += x.failed();
            walls.add(x.wallMs());
        }
        walls.sort(null);
        System.out.printf("| total %d rounds | | **%d** | **%d** | %d / %d | median %d |%n", rounds, dup, und, intr,
                fail, walls.isEmpty() ? 0 : walls.get(walls.size() / 2));
        System.out.println("work directory (journals, outputs): " + dir);
    }
}
