package io.hypervwsman.hyperv;

import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.WsManClient;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Hyper-V host on a manual clock, and a client whose waits advance that clock: job
 * progress, timeouts and job removal happen in simulated time, so tests neither sleep nor race.
 */
public final class SimulatedHostFixture implements AutoCloseable {
    public static final String USER = "LAB\\operator";
    public static final String PASSWORD = "Sim-Pa55word!";

    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
    public final SimulatedHost sim;
    public final List<JobReport> progress = new ArrayList<>();
    private final List<HyperVHost> hosts = new ArrayList<>();

    public SimulatedHostFixture(String scenario) {
        Scenario s = scenario.endsWith(".json") ? Scenario.load(testScenario(scenario)) : Scenario.fromResource(scenario);
        sim = SimulatedHost.start(s, USER, PASSWORD.toCharArray(), clock);
    }

    public static Path testScenario(String file) {
        return Paths.get("src/test/resources/scenarios").resolve(file).toAbsolutePath();
    }

    /** A client session over NTLM with encryption; its waits advance the simulated clock. */
    public HyperVHost host() {
        return host(d -> clock.advance(d));
    }

    public HyperVHost host(Sleeper sleeper) {
        ConnectionOptions o = ConnectionOptions.builder(sim.endpoint())
                .auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.toCharArray())).build();
        HyperVHost h = new HyperVHost(WsManClient.connect(o), "HV01", clock, sleeper, PollPolicy.DEFAULT);
        hosts.add(h);
        return h;
    }

    public OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }

    public OperationOptions options(Duration timeout) {
        return options().withTimeout(timeout);
    }

    @Override
    public void close() {
        hosts.forEach(HyperVHost::close);
        sim.close();
    }
}
