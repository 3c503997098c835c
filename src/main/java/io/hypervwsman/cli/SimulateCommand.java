package io.hypervwsman.cli;

import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a simulated Hyper-V host on 127.0.0.1 until stopped, for users' CI and for trying the CLI. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serve a simulated Hyper-V host (NTLM, message encryption, Hyper-V Replica) on 127.0.0.1.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "0", description = "TCP port (default: a free one).")
    int port;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", completionCandidates = BundledScenarios.class,
            description = "A bundled scenario (${COMPLETION-CANDIDATES}; default: default) or a scenario file.")
    String scenario;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The account to accept, e.g. LAB\\operator.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Its password (first line); else HYPERV_WSMAN_PASSWORD, else a prompt.")
    Path passwordFile;

    Terminal terminal = Terminal.system();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0..65535");
        }
        char[] password = PasswordSource.read(terminal.env(), passwordFile, terminal.console(), user);
        Scenario s = BundledScenarios.load(scenario);
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatedHost host = listen(s, password)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            terminal.out().println("listening on " + host.endpoint());
            terminal.out().flush();
            stopped.await();
        }
        return 0;
    }

    private SimulatedHost listen(Scenario s, char[] password) {
        try {
            return SimulatedHost.start(s, user, password, Clock.systemUTC(), port);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new UsageException("cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage(),
                        "another program holds port " + port + "; choose another --port, or --port 0 for a free one");
            }
            throw e;
        }
    }
}
