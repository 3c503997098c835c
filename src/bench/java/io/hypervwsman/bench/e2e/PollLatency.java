package io.hypervwsman.bench.e2e;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.PollPolicy;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.wsman.WsManClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How soon the client sees a job finish, and how often it polls, on simulated time: the real client (NTLM,
 * encryption, JobTracker) against the simulated host on a {@link ManualClock} that only the client's waits
 * advance, so a 2-minute job takes well under a second to run. Each sample is a revert whose job lasts
 * the nominal duration plus k × 53 ms, so that the job's end falls at different points of the poll schedule.
 * Latency here excludes the network round trip (simulated time stands still during an exchange).
 */
final class PollLatency {
    private final Report report;
    private final int samples;

    PollLatency(Report report, int samples) {
        this.report = report;
        this.samples = samples;
    }

    void run() {
        Map<String, PollPolicy> policies = new LinkedHashMap<>();
        policies.put("before: 100 ms ×1.5 up to 1 s", new PollPolicy(Duration.ofMillis(100), 1.5, Duration.ofSeconds(1)));
        policies.put("fixed 500 ms", new PollPolicy(Duration.ofMillis(500), 1.0, Duration.ofMillis(500)));
        policies.put("fixed 2 s", new PollPolicy(Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2)));
        policies.put("this build's DEFAULT: " + PollPolicy.DEFAULT, PollPolicy.DEFAULT);
        report.table("policy", "job", "median detection latency ms", "p90 ms", "max ms", "polls per job (median)",
                "polls/s average");
        for (Map.Entry<String, PollPolicy> p : policies.entrySet()) {
            sample(p.getKey(), p.getValue(), Duration.ofMinutes(2));
        }
        for (Duration job : new Duration[] {Duration.ofSeconds(10), Duration.ofMinutes(10)}) {
            sample("this build's DEFAULT", PollPolicy.DEFAULT, job);
        }
    }

    private void sample(String label, PollPolicy policy, Duration job) {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
        long stepMs = 53;
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", samples,
                i -> job.plusMillis(i * stepMs).toString()), clock)) {
            RecordingTransport recorder = new RecordingTransport(Transports.open(BenchHosts.ntlm(sim, 1)),
                    () -> sim.gateway().requestCount());
            long[] latency = new long[samples];
            long[] polls = new long[samples];
            double pollSeconds = 0;
            double jobSeconds = 0;
            try (HyperVHost host = HyperVHost.builder().client(new WsManClient(BenchHosts.ntlm(sim, 1), recorder), "HV01")
                    .clock(clock).sleeper(d -> clock.advance(d)).pollPolicy(policy).build()) {
                ReplicaOperations replica = ReplicaOperations.of(host);
                for (int i = 0; i < samples; i++) {
                    int before = recorder.exchanges().size();
                    Instant invoked = clock.instant();
                    OperationOutcome o = replica.revertFailover(VmRef.of(String.format(Locale.ROOT, "vm-%02d", i)),
                            OperationOptions.defaults().withTimeout(job.multipliedBy(3)));
                    if (o.job() == null || o.job().jobState() != 7) {
                        throw new IllegalStateException("revert did not end with a completed job: " + o.message());
                    }
                    Duration length = job.plusMillis(i * stepMs);
                    latency[i] = Duration.between(invoked.plus(length), clock.instant()).toMillis();
                    polls[i] = recorder.exchanges().subList(before, recorder.exchanges().size()).stream()
                            .filter(x -> x.action().endsWith("/Get")).count();
                    pollSeconds += polls[i];
                    jobSeconds += Duration.between(invoked, clock.instant()).toMillis() / 1000.0;
                }
            }
            long[] l = latency.clone();
            Arrays.sort(l);
            long[] pc = polls.clone();
            Arrays.sort(pc);
            report.row(label, human(job), l[samples / 2], l[(int) Math.min(samples - 1, Math.round(samples * 0.9))],
                    l[samples - 1], pc[samples / 2], String.format(Locale.ROOT, "%.2f", pollSeconds / jobSeconds));
        }
    }

    private static String human(Duration d) {
        return d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
