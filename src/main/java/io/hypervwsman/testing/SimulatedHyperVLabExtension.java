package io.hypervwsman.testing;

import io.hypervwsman.sim.Lab;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedLab;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Runs the simulated lab {@link SimulatedHyperVLab} asks for, one per test, and resolves its parameters. */
public final class SimulatedHyperVLabExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private record Running(HyperVLab lab, ManualClock clock) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SimulatedHyperVLab config = PerTestStore.annotation(context, SimulatedHyperVLab.class);
        String name = config.value();
        Lab lab = name.endsWith(".yaml") || name.endsWith(".yml") ? Lab.load(Path.of(name)) : Lab.fromResource(name);
        ManualClock manual = config.manualClock() ? new ManualClock(Instant.parse(config.clockStart())) : null;
        Clock clock = manual != null ? manual : Clock.systemUTC();
        char[] password = WinRmReplayServer.randomPassword();
        try {
            SimulatedLab sim = SimulatedLab.start(lab, config.user(), password, clock);
            PerTestStore.put(context, SimulatedHyperVLabExtension.class,
                    new Running(new HyperVLab(sim, config.user(), password, manual), manual));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = PerTestStore.remove(context, SimulatedHyperVLabExtension.class, Running.class);
        if (running != null) {
            running.lab().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == HyperVLab.class || type == SimulatedLab.class || type == ManualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = PerTestStore.running(context, SimulatedHyperVLabExtension.class, Running.class, parameter,
                "@SimulatedHyperVLab starts a lab");
        Class<?> type = parameter.getParameter().getType();
        if (type == HyperVLab.class) {
            return running.lab();
        }
        if (type == SimulatedLab.class) {
            return running.lab().sim();
        }
        if (running.clock() == null) {
            throw new ParameterResolutionException("a ManualClock parameter needs @SimulatedHyperVLab(manualClock = true)");
        }
        return running.clock();
    }
}
