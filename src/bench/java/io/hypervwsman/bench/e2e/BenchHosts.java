package io.hypervwsman.bench.e2e;

import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Generated scenarios for the end-to-end runs: replicas in Recovered whose RevertFailover job takes a set time. */
final class BenchHosts {
    static final String USER = "LAB\\operator";
    static final String PASSWORD = "Bench-Pa55word!";

    private BenchHosts() {
    }

    /** {@code count} VMs named {@code prefix-NN}, each a replica in Recovered, switched off. */
    static Scenario recoveredReplicas(String host, String prefix, int count, java.util.function.IntFunction<String> jobDuration) {
        List<Scenario.Vm> vms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%08X-0000-4000-8000-%012X", host.hashCode() & 0x7fffffff, i);
            Scenario.Relationship rel = new Scenario.Relationship(5, 2, "2026-11-23T09:55:00.117204Z", null, 1, null, null, null);
            Map<String, Scenario.Behaviour> behaviour = Map.of("RevertFailover",
                    new Scenario.Behaviour(jobDuration.apply(i), Scenario.Outcome.SUCCESS, null, null, null, null, null,
                            null));
            vms.add(new Scenario.Vm(String.format(Locale.ROOT, "%s-%02d", prefix, i), id, Scenario.Power.OFF, 2,
                    List.of(rel), null, behaviour, null));
        }
        return new Scenario(host, "lab.example", List.of(USER), "PT2M", Map.of(), vms, List.of());
    }

    static SimulatedHost start(Scenario scenario, Clock clock) {
        return SimulatedHost.start(scenario, USER, PASSWORD.toCharArray(), clock);
    }

    static ConnectionOptions ntlm(SimulatedHost host, int maxConnections) {
        return ConnectionOptions.builder(host.endpoint()).auth(AuthMode.NTLM,
                new Credentials(USER, PASSWORD.toCharArray())).maxConnections(maxConnections).build();
    }
}
