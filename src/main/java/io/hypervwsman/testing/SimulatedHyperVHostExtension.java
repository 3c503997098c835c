package io.hypervwsman.testing;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Runs the simulated host {@link SimulatedHyperVHost} asks for, one per test, and resolves its parameters. */
public final class SimulatedHyperVHostExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** One test's host, its account, when asked for its manual clock, and the client sessions handed out. */
    private record Running(SimulatedHost host, WinRmEndpoint endpoint, ManualClock clock, List<HyperVHost> clients) {
        /** A client session (NTLM, message encryption) whose waits advance the manual clock when there is one. */
        HyperVHost connect() {
            HyperVHost.Builder b = HyperVHost.builder().connect(endpoint.connectionOptions()).name(host.scenario().host());
            if (clock != null) {
                b.clock(clock).sleeper(clock::advance);
            }
            HyperVHost client = b.build();
            clients.add(client);
            return client;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SimulatedHyperVHost config = PerTestStore.annotation(context, SimulatedHyperVHost.class);
        Scenario scenario = config.scenario().endsWith(".json") ? Scenario.load(Path.of(config.scenario()))
                : Scenario.fromResource(config.scenario());
        ManualClock manual = config.manualClock() ? new ManualClock(Instant.parse(config.clockStart())) : null;
        Clock clock = manual != null ? manual : Clock.systemUTC();
        char[] password = WinRmReplayServer.randomPassword();
        try {
            SimulatedHost host = SimulatedHost.start(scenario, config.user(), password, clock);
            PerTestStore.put(context, SimulatedHyperVHostExtension.class, new Running(host,
                    new WinRmEndpoint(host.endpoint(), config.user(), password), manual, new ArrayList<>()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = PerTestStore.remove(context, SimulatedHyperVHostExtension.class, Running.class);
        if (running != null) {
            running.clients().forEach(HyperVHost::close);
            running.host().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WinRmEndpoint.class || type == SimulatedHost.class || type == ManualClock.class
                || type == HyperVHost.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = PerTestStore.running(context, SimulatedHyperVHostExtension.class, Running.class, parameter,
                "@SimulatedHyperVHost starts a host");
        Class<?> type = parameter.getParameter().getType();
        if (type == WinRmEndpoint.class) {
            return running.endpoint();
        }
        if (type == SimulatedHost.class) {
            return running.host();
        }
        if (type == HyperVHost.class) {
            return running.connect();
        }
        if (running.clock() == null) {
            throw new ParameterResolutionException("a ManualClock parameter needs @SimulatedHyperVHost(manualClock = true)");
        }
        return running.clock();
    }
}
