package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.hyperv.VmRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replication check}: a monitoring-plugin verdict over one VM or all replicated VMs. Exit 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN (including every error, as monitoring plugins report them); one line, or one JSON object.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Monitoring check of replication health and lag. Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN"
                + " (also for any error: connection, authentication, unknown VM, usage).")
final class ReplicationCheckCommand extends HostCommand {
    /** States in which replication is meant to flow, so that its lag means something. */
    private static final Set<ReplicationState> FLOWING = EnumSet.of(ReplicationState.REPLICATING,
            ReplicationState.SUSPENDED, ReplicationState.CRITICAL, ReplicationState.WAITING_TO_START_RESYNCHRONIZATION,
            ReplicationState.RESYNCHRONIZING, ReplicationState.RESYNCHRONIZATION_SUSPENDED);
    private static final Set<ReplicationState> SUSPENDED = EnumSet.of(ReplicationState.SUSPENDED,
            ReplicationState.RESYNCHRONIZATION_SUSPENDED, ReplicationState.WAITING_TO_START_RESYNCHRONIZATION);

    @Option(names = "--vm", paramLabel = "NAME|GUID", description = "Only this VM (default: every replicated VM).")
    String vm;

    @Option(names = "--max-lag", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "CRITICAL when the last replication is older than this (e.g. 15m).")
    Duration maxLag;

    @Option(names = "--warn-lag", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "WARNING when the last replication is older than this.")
    Duration warnLag;

    @Option(names = "--health-at-least", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Report health from this level up: warning (default: Warning is WARNING, Critical is"
                    + " CRITICAL) or critical (Warning health is OK).")
    String healthAtLeast;

    private boolean decided;

    @Override
    String operation() {
        return "ReplicationCheck";
    }

    @Override
    String vmGiven() {
        return vm;
    }

    @Override
    int exitCodeFor(io.hypervwsman.HyperVWsManException e) {
        return 3;
    }

    @Override
    public Integer call() {
        int code = super.call();
        // Anything that did not reach a verdict (usage, connection, authentication, unknown VM) is UNKNOWN.
        return decided ? code : 3;
    }

    /** One VM's verdict. */
    private record Verdict(String vm, String id, int status, String reason, String state, String health,
                           Long lagSeconds) {
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        int healthFloor = healthFloor();
        Instant now = terminal.clock().instant();
        VirtualMachines vms = session.host().vms();
        List<VirtualMachine> targets = vm != null ? List.of(vms.resolve(VmRef.of(vm))) : vms.list();
        Map<String, Relationship> relationships = vm != null ? null : vms.primaryRelationshipsByVm();
        List<Verdict> verdicts = new ArrayList<>();
        for (VirtualMachine v : targets) {
            Optional<Relationship> rel = relationships != null
                    ? Optional.ofNullable(relationships.get(v.id().toUpperCase(Locale.ROOT)))
                    : vms.primaryRelationship(v);
            if (vm == null && (v.replicationMode().value() == 0 || rel.isEmpty())) {
                continue;
            }
            verdicts.add(verdict(v, rel, healthFloor, now));
        }
        int status = verdicts.stream().mapToInt(Verdict::status).max().orElse(0);
        if (verdicts.isEmpty()) {
            status = 3;
        }
        decided = true;
        print(status, verdicts, json);
        return status;
    }

    private Verdict verdict(VirtualMachine v, Optional<Relationship> rel, int healthFloor, Instant now) {
        if (rel.isEmpty() || rel.get().state() == ReplicationState.DISABLED) {
            return new Verdict(v.name(), v.id(), 3, "not replicated", "Disabled", "NotApplicable", null);
        }
        Relationship r = rel.get();
        String state = r.state().powerShellName(v.replicationMode());
        Long lag = r.lastReplicationTime() == null ? null : Duration.between(r.lastReplicationTime(), now).getSeconds();
        List<String> reasons = new ArrayList<>();
        int status = 0;
        if (r.health() >= healthFloor && (r.health() == 2 || r.health() == 3)) {
            status = (int) r.health() == 3 ? 2 : 1;
            reasons.add("health " + r.healthName());
        }
        if (r.state() == ReplicationState.CRITICAL) {
            status = 2;
            reasons.add("state " + state);
        } else if (SUSPENDED.contains(r.state())) {
            status = Math.max(status, 1);
            reasons.add("state " + state);
        }
        if (FLOWING.contains(r.state()) && (maxLag != null || warnLag != null)) {
            if (lag == null) {
                status = Math.max(status, 3);
                reasons.add("no last replication time");
            } else if (maxLag != null && lag > maxLag.getSeconds()) {
                status = Math.max(status, 2);
                reasons.add("lag " + human(lag) + " > " + human(maxLag.getSeconds()));
            } else if (warnLag != null && lag > warnLag.getSeconds()) {
                status = Math.max(status, 1);
                reasons.add("lag " + human(lag) + " > " + human(warnLag.getSeconds()));
            }
        }
        return new Verdict(v.name(), v.id(), status, String.join(", ", reasons), state, r.healthName(), lag);
    }

    private int healthFloor() {
        switch (healthAtLeast.toLowerCase(Locale.ROOT)) {
            case "warning": return 2;
            case "critical": return 3;
            default: throw new UsageException("--health-at-least must be warning or critical, not " + healthAtLeast);
        }
    }

    private void print(int status, List<Verdict> verdicts, boolean json) {
        String label = label(status);
        List<Verdict> problems = verdicts.stream().filter(x -> x.status() != 0).toList();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", label);
            m.put("exitCode", status);
            m.put("checked", verdicts.size());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Verdict x : verdicts) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", x.vm());
                row.put("id", x.id());
                row.put("status", label(x.status()));
                row.put("state", x.state());
                row.put("health", x.health());
                row.put("lagSeconds", x.lagSeconds());
                row.put("reason", x.reason().isEmpty() ? null : x.reason());
                rows.add(row);
            }
            m.put("vms", rows);
            terminal.out().println(OutcomeReport.write(m));
            return;
        }
        StringBuilder line = new StringBuilder("REPLICATION ").append(label).append(" - ");
        if (verdicts.isEmpty()) {
            line.append("no replicated VM found");
        } else if (problems.isEmpty()) {
            line.append(verdicts.size()).append(verdicts.size() == 1 ? " VM" : " VMs").append(" replicating normally");
        } else {
            line.append(String.join("; ", problems.stream().map(x -> x.vm() + ": " + x.reason()).toList()));
        }
        terminal.out().println(line);
    }

    private static String label(int status) {
        switch (status) {
            case 0: return "OK";
            case 1: return "WARNING";
            case 2: return "CRITICAL";
            default: return "UNKNOWN";
        }
    }

    private static String human(long seconds) {
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return seconds / 3600 + "h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
