package io.hypervwsman.cli;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A CLI test class whose every test runs against a fresh simulated host playing one scenario. */
abstract class SimulatedScenarioCliTest {
    private final String scenario;
    @TempDir
    Path dir;
    SimulatedHostFixture host;
    SimulatedCli cli;

    SimulatedScenarioCliTest(String scenario) {
        this.scenario = scenario;
    }

    @BeforeEach
    void startHost() {
        host = new SimulatedHostFixture(scenario);
        cli = new SimulatedCli(host, dir);
    }

    @AfterEach
    void stopHost() {
        host.close();
    }
}
