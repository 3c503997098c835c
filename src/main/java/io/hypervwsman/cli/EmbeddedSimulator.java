package io.hypervwsman.cli;

import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The simulated Hyper-V host started in-process for --simulate: the real client stack (NTLM, message
 * encryption, WS-Man, job tracking) runs against it over loopback. The password is random per run.
 */
final class EmbeddedSimulator implements AutoCloseable {
    static final String USER = "LAB\\operator";

    private final SimulatedHost host;
    private final char[] password;

    private EmbeddedSimulator(SimulatedHost host, char[] password) {
        this.host = host;
        this.password = password;
    }

    static EmbeddedSimulator start(String scenarioNameOrFile) {
        Scenario scenario = BundledScenarios.load(scenarioNameOrFile);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
        return new EmbeddedSimulator(SimulatedHost.start(scenario, USER, password, Clock.systemUTC()), password);
    }

    URI endpoint() {
        return host.endpoint();
    }

    String user() {
        return USER;
    }

    char[] password() {
        return password.clone();
    }

    String hostName() {
        return host.scenario().host();
    }

    @Override
    public void close() {
        host.close();
    }
}
