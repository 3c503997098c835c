package io.hypervwsman.bench.e2e;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.wsman.WsManClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * revert-failover by name on a new client (fresh connection) against the simulated host, with a 1 s job:
 * every exchange by phase, its HTTP requests (handshake legs included) and time. The JVM is warm (the CLI's
 * own start-up is measured separately); a second revert on the same client shows what is per host.
 */
final class RevertFlowTrace {
    private final Report report;

    RevertFlowTrace(Report report) {
        this.report = report;
    }

    void run() {
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", 4, i -> "PT1S"),
                Clock.systemUTC())) {
            // Warm the JVM's code paths on another client first, so that the trace shows protocol cost.
            for (int i = 2; i < 4; i++) {
                try (HyperVHost warm = HyperVHost.builder()
                        .client(WsManClient.connect(BenchHosts.ntlm(sim, 1)), "HV01").build()) {
                    ReplicaOperations.of(warm).revertFailover(VmRef.of(String.format("vm-%02d", i)), OperationOptions.defaults());
                }
            }
            RecordingTransport recorder = new RecordingTransport(Transports.open(BenchHosts.ntlm(sim, 1)),
                    () -> sim.gateway().requestCount());
            try (HyperVHost host = HyperVHost.builder()
                    .client(new WsManClient(BenchHosts.ntlm(sim, 1), recorder), "HV01").build()) {
                trace(host, recorder, "vm-00", "first operation on a fresh connection");
                trace(host, recorder, "vm-01", "second operation, same client (connection and service EPR reused)");
            }
        }
    }

    private void trace(HyperVHost host, RecordingTransport recorder, String vm, String title) {
        int before = recorder.exchanges().size();
        long start = System.nanoTime();
        OperationOutcome outcome = ReplicaOperations.of(host).revertFailover(VmRef.of(vm), OperationOptions.defaults());
        long wall = System.nanoTime() - start;
        List<RecordingTransport.Exchange> xs = recorder.exchanges().subList(before, recorder.exchanges().size());
        Map<String, long[]> phases = new LinkedHashMap<>();
        long inExchanges = 0;
        for (RecordingTransport.Exchange x : xs) {
            long[] p = phases.computeIfAbsent(phase(x), k -> new long[3]);
            p[0]++;
            p[1] += x.httpRequests();
            p[2] += x.nanos();
            inExchanges += x.nanos();
        }
        int http = xs.stream().mapToInt(RecordingTransport.Exchange::httpRequests).sum();
        report.line("**%s** (`%s`, outcome %s, job %s): %d WS-Man exchanges, %d HTTP requests (round trips), wall"
                        + " %.1f ms, of which %.1f ms in exchanges and %.1f ms waiting between polls.", title, vm,
                outcome.outcome(), outcome.job() == null ? "none" : outcome.job().state(), xs.size(), http,
                wall / 1e6, inExchanges / 1e6, (wall - inExchanges) / 1e6);
        report.line("");
        report.table("phase", "exchanges", "HTTP requests", "ms");
        phases.forEach((k, p) -> report.row(k, p[0], p[1], String.format("%.2f", p[2] / 1e6)));
        report.line("");
    }

    private static String phase(RecordingTransport.Exchange x) {
        String req = new String(x.request(), StandardCharsets.UTF_8);
        String prefix = x.httpRequests() > 1 ? "auth (" + (x.httpRequests() - 1) + " extra leg) + " : "";
        if (req.contains("Msvm_ComputerSystem WHERE")) {
            return prefix + "lookup: VM by name (WQL Enumerate)";
        }
        if (req.contains("ASSOCIATORS OF")) {
            return prefix + "lookup: replication relationship (ASSOCIATORS OF)";
        }
        if (req.contains("Msvm_ReplicationService") && x.action().endsWith("Enumerate")) {
            return prefix + "lookup: replication service EPR (Enumerate EPR)";
        }
        if (x.action().endsWith("/RevertFailover")) {
            return prefix + "invoke RevertFailover";
        }
        if (x.action().endsWith("/Get")) {
            return prefix + "polls: Get Msvm_ConcreteJob";
        }
        return prefix + x.name();
    }
}
