package io.hypervwsman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.plan.Confirmation;
import io.hypervwsman.plan.DrillReport;
import io.hypervwsman.plan.HostSpec;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlanResult;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import io.hypervwsman.plan.VmOutcome;
import io.hypervwsman.plan.VmResult;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plan check|run|status|resume PLAN}: recovery plans (README, "Recovery plans"). Exit codes: 0 every VM
 * succeeded (check: every check passed); 1 a pre-check refused, a VM or step failed, or the plan stopped;
 * 2 usage, plan file or journal problem; 3 authentication; 4 connection; 5 a VM's outcome is unknown
 * (status: the run is unfinished, resume it).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Recovery plans: check, run, status, resume.",
        subcommands = {PlanCommand.Check.class, PlanCommand.Run.class, PlanCommand.Status.class,
                PlanCommand.Resume.class})
final class PlanCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("plan needs a subcommand: check, run, status or resume");
    }

    /** What every plan subcommand shares: the plan file, output format, and (except status) the hosts. */
    abstract static class Verb implements Callable<Integer> {
        static final ObjectMapper JSON = new ObjectMapper();

        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
        Path plan;

        @Option(names = "--journal", paramLabel = "FILE", description = "The run's journal (default: PLAN.journal).")
        Path journal;

        @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
        String output;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "The hosts' password (first line); else HYPERV_WSMAN_PASSWORD, else a prompt.")
        Path passwordFile;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the CA certificate(s) in this PEM file.")
        Path caFile;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long each VM's job may take (default 30m).")
        Duration timeout = Duration.ofMinutes(30);

        Terminal terminal = Terminal.system();
        private final Map<String, char[]> passwords = new HashMap<>();

        boolean json() {
            if (!"text".equals(output) && !"json".equals(output)) {
                throw new UsageException("--output must be text or json, not " + output);
            }
            return "json".equals(output);
        }

        Path journalPath() {
            return journal != null ? journal : Journal.besidePlan(plan);
        }

        abstract int run(PlanFile file, boolean json) throws Exception;

        @Override
        public Integer call() {
            boolean json = false;
            try {
                json = json();
                return run(PlanFile.read(plan), json);
            } catch (HyperVWsManException e) {
                return fail(e.getMessage(), ExitCodes.of(e), json);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted; resume with: hyperv-wsman plan resume " + plan, ExitCodes.UNDECIDED, json);
            } catch (Exception e) {
                return fail("unexpected failure: " + e, ExitCodes.CONNECTION, json);
            }
        }

        int fail(String message, int code, boolean json) {
            if (json) {
                ObjectNode o = JSON.createObjectNode().put("plan", String.valueOf(plan)).put("outcome", "error")
                        .put("message", message).put("exitCode", code);
                terminal.out().println(o);
            }
            terminal.err().println("error: " + message);
            return code;
        }

        PlanSession session(PlanFile file) {
            return new PlanSession(file, key -> open(key, file.plan().hosts().get(key)), timeout, terminal.clock(),
                    terminal.sleeper());
        }

        /** Connects to a plan host: an inline endpoint with its user; the password is never in the plan. */
        private HyperVHost open(String key, HostSpec spec) {
            if (spec.profile() != null) {
                return HyperVHost.builder().connect(profile(key, spec.profile())).name(key).clock(terminal.clock())
                        .sleeper(terminal.sleeper()).build();
            }
            AuthMode mode = authMode(key, spec.auth());
            Credentials credentials = null;
            if (mode != AuthMode.NONE) {
                if (spec.user() == null) {
                    throw new UsageException("host '" + key + "' needs 'user' for " + mode.name().toLowerCase(Locale.ROOT)
                            + " authentication");
                }
                char[] pw;
                synchronized (passwords) {
                    pw = passwords.computeIfAbsent(spec.user(), u -> PasswordSource.read(terminal.env(), passwordFile,
                            terminal.console(), u));
                }
                credentials = new Credentials(spec.user(), pw.clone());
            }
            ConnectionOptions o = ConnectionOptions.builder(spec.endpoint()).auth(mode, credentials).caFile(caFile).build();
            return HyperVHost.builder().connect(o).name(key).clock(terminal.clock()).sleeper(terminal.sleeper()).build();
        }

        /** A host profile of the config file (README, "Host profiles"); --password-file and --ca-file win over it. */
        private ConnectionOptions profile(String key, String name) {
            HostProfiles profiles = HostProfiles.load(terminal.env());
            if (profiles.find(name).isEmpty()) {
                throw new UsageException("host '" + key + "' names profile '" + name + "', which "
                        + (profiles.file() == null ? "no config file" : profiles.file().toString()) + " does not define");
            }
            ConnectionMixin m = new ConnectionMixin();
            m.host = name;
            m.passwordFile = passwordFile;
            m.caFile = caFile;
            return m.withProfile(profiles).options(terminal);
        }

        private static AuthMode authMode(String key, String auth) {
            return switch (auth == null ? "negotiate" : auth.toLowerCase(Locale.ROOT)) {
                case "negotiate" -> AuthMode.NEGOTIATE;
                case "ntlm" -> AuthMode.NTLM;
                case "kerberos" -> AuthMode.KERBEROS;
                case "basic" -> AuthMode.BASIC;
                default -> throw new UsageException("host '" + key + "': auth must be negotiate, ntlm, kerberos or "
                        + "basic, not " + auth);
            };
        }

        /** Runs the pre-checks; prints and returns false if any refused. */
        boolean preChecked(PlanSession s, List<PlannedGroup> groups, boolean allowCritical, boolean json,
                           ObjectNode into) {
            List<PlanPreChecks.VmCheck> checks = new PlanPreChecks(s, allowCritical, terminal.clock()).check(groups);
            ArrayNode arr = into.putArray("checks");
            boolean ok = true;
            for (PlanPreChecks.VmCheck c : checks) {
                ok &= c.ok();
                ObjectNode v = arr.addObject().put("group", c.vm().group()).put("vm", c.vm().name())
                        .put("id", c.vm().vmId()).put("host", c.vm().host()).put("action", c.vm().action().label())
                        .put("recoveryPoint", c.recoveryPoint()).put("ok", c.ok());
                c.problems().forEach(v.putArray("problems")::add);
                if (!json) {
                    terminal.out().printf("%-16s %-24s %-10s %-20s %s%n", c.vm().group(), c.vm().name(), c.vm().host(),
                            c.vm().action().label(), c.ok() ? "ok, recovery point " + (c.recoveryPoint() == null
                                    ? "-" : c.recoveryPoint()) : "REFUSED: " + String.join("; ", c.problems()));
                }
            }
            return ok;
        }

        /** Writes the drill report beside the plan and prints the summary; returns the exit code. */
        int finish(PlanFile file, List<PlannedGroup> groups, Journal j, PlanResult r, boolean json, ObjectNode o)
                throws IOException {
            Path report = plan.resolveSibling(plan.getFileName() + ".report.html");
            Files.writeString(report, DrillReport.html(file, groups, j.records()), StandardCharsets.UTF_8);
            int code = r.succeeded() ? ExitCodes.SUCCEEDED : r.vms().values().stream().anyMatch(v -> v.outcome()
                    == VmOutcome.UNKNOWN) ? ExitCodes.UNDECIDED : ExitCodes.FAILED;
            ArrayNode vms = o.putArray("vms");
            for (PlannedGroup g : groups) {
                for (PlannedVm vm : g.vms()) {
                    VmResult v = r.vms().get(vm.key());
                    vms.addObject().put("group", g.name()).put("vm", vm.name()).put("id", vm.vmId())
                            .put("host", vm.host()).put("outcome", v.outcome().name().toLowerCase(Locale.ROOT))
                            .put("message", v.message()).put("recoveryPoint", v.recoveryPoint());
                    if (!json) {
                        terminal.out().printf("%-16s %-24s %-10s %s%n", g.name(), vm.name(),
                                v.outcome().name().toLowerCase(Locale.ROOT), v.message() == null ? "" : v.message());
                    }
                }
            }
            r.stepFailures().forEach(o.putArray("stepFailures")::add);
            o.put("stopped", r.stopped()).put("outcome", r.succeeded() ? "succeeded" : "failed")
                    .put("report", report.toString()).put("journal", j.path().toString()).put("exitCode", code);
            if (json) {
                terminal.out().println(o);
            } else {
                r.stepFailures().forEach(f -> terminal.out().println("step failed: " + f));
                terminal.out().println((r.succeeded() ? "succeeded" : r.stopped() ? "stopped" : "failed")
                        + ": drill report " + report);
            }
            return code;
        }

        /** The live view of the run on stderr (README, "Recovery plans"). */
        PlanView view(List<PlannedGroup> groups, boolean json) {
            return new PlanView(groups, terminal.err(), PlanView.mode(terminal, json), terminal.clock()).started();
        }

        /** Manual steps: asked on the console; without one a manual step cannot be confirmed and fails. */
        Confirmation confirmation() {
            return (group, instruction) -> {
                if (terminal.console() == null) {
                    terminal.err().println("manual step in " + group + ": " + instruction + " (no console to confirm)");
                    return false;
                }
                String answer = terminal.console().readLine("[%s] %s -- done? [y/N] ", group, instruction);
                return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
            };
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Resolve every VM, run every pre-check, show what would run in order; invoke nothing.")
    static final class Check extends Checked {
        @Override
        int run(PlanFile file, boolean json) throws Exception {
            try (PlanSession s = session(file)) {
                List<PlannedGroup> groups = s.resolve();
                ObjectNode o = JSON.createObjectNode().put("plan", file.plan().name());
                boolean ok = preChecked(s, groups, json, o);
                if (ok) {
                    o.put("outcome", "ok").put("exitCode", ExitCodes.SUCCEEDED);
                    terminal.out().println(json ? o.toString() : "ok: the plan would run as above");
                }
                return ok ? ExitCodes.SUCCEEDED : ExitCodes.FAILED;
            }
        }
    }

    /** A subcommand that runs the plan-wide pre-checks. */
    abstract static class Checked extends Verb {
        @Option(names = "--allow-critical", description = "Do not refuse VMs whose replication health is Critical.")
        boolean allowCritical;

        /** Runs the pre-checks and prints them; when any refused, also the refusal (the command then stops). */
        boolean preChecked(PlanSession s, List<PlannedGroup> groups, boolean json, ObjectNode o) {
            boolean ok = preChecked(s, groups, allowCritical, json, o);
            if (!ok) {
                o.put("outcome", "refused").put("exitCode", ExitCodes.FAILED);
                terminal.out().println(json ? o.toString() : "refused: the plan would not run; nothing was invoked");
            }
            return ok;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Check the plan, then run it group by group; journal every step; write the drill report.")
    static final class Run extends Checked {
        @Override
        int run(PlanFile file, boolean json) throws Exception {
            try (PlanSession s = session(file)) {
                List<PlannedGroup> groups = s.resolve();
                ObjectNode o = JSON.createObjectNode().put("plan", file.plan().name());
                if (!preChecked(s, groups, json, o)) {
                    return ExitCodes.FAILED;
                }
                try (PlanView view = view(groups, json); Journal j = Journal.open(journalPath(), view)) {
                    PlanResult r = s.run(groups, j, view.holdingStillFor(confirmation())).execute();
                    view.close();
                    return finish(file, groups, j, r, json, o);
                }
            }
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue an interrupted run from its journal; never sends an Invoke twice.")
    static final class Resume extends Verb {
        @Override
        int run(PlanFile file, boolean json) throws Exception {
            if (!Files.isRegularFile(journalPath())) {
                throw new UsageException("no journal at " + journalPath() + ": nothing to resume (use plan run)");
            }
            try (PlanSession s = session(file)) {
                List<PlannedGroup> groups = s.resolve();
                PlanView view = view(groups, json);
                view.absorb(Journal.read(journalPath()));
                try (view; Journal j = Journal.open(journalPath(), view)) {
                    PlanResult r = s.run(groups, j, view.holdingStillFor(confirmation())).resume();
                    view.close();
                    return finish(file, groups, j, r, json, JSON.createObjectNode().put("plan", file.plan().name()));
                }
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show a run's progress from its journal (no host is contacted).")
    static final class Status extends Verb {
        @Override
        int run(PlanFile file, boolean json) {
            if (!Files.isRegularFile(journalPath())) {
                throw new UsageException("no journal at " + journalPath() + ": the plan has not run");
            }
            List<JournalRecord> records = Journal.read(journalPath());
            Map<String, String> vms = new LinkedHashMap<>();
            Map<String, String> names = new HashMap<>();
            Map<String, String> groups = new HashMap<>();
            boolean finished = false;
            for (JournalRecord r : records) {
                switch (r.type()) {
                    case VM_STARTED -> {
                        vms.put(r.vm(), "running");
                        groups.put(r.vm(), r.group());
                        if (r.detail() != null) {
                            names.put(r.vm(), r.detail());
                        }
                    }
                    case INVOKE_INTENT -> vms.put(r.vm(), "invoking " + r.step());
                    case INVOKE_SENT -> vms.put(r.vm(), "following " + r.step());
                    case VM_FINISHED -> vms.put(r.vm(), r.outcome().toLowerCase(Locale.ROOT));
                    case RUN_FINISHED -> finished = true;
                    default -> { }
                }
            }
            boolean failed = vms.values().stream().anyMatch(v -> v.equals("failed") || v.equals("unknown")
                    || v.equals("interrupted"));
            int code = !finished ? ExitCodes.UNDECIDED : failed ? ExitCodes.FAILED : ExitCodes.SUCCEEDED;
            String state = finished ? "finished" : "unfinished";
            ObjectNode o = JSON.createObjectNode().put("plan", file.plan().name()).put("state", state);
            ArrayNode list = o.putArray("vms");
            vms.forEach((key, v) -> {
                // The journal names a VM by host and GUID (unique in a plan); a journal before names were kept has none.
                String host = key.substring(0, key.lastIndexOf('/'));
                String id = key.substring(key.lastIndexOf('/') + 1);
                String name = names.getOrDefault(key, id);
                list.addObject().put("group", groups.get(key)).put("vm", name).put("id", id).put("host", host)
                        .put("state", v);
                if (!json) {
                    terminal.out().printf("%-16s %-24s %-10s %s%n", groups.get(key), name, host, v);
                }
            });
            if (json) {
                terminal.out().println(o.put("exitCode", code));
            } else {
                terminal.out().println(state + (finished ? "" : ": resume with hyperv-wsman plan resume " + plan));
            }
            return code;
        }
    }
}
