package io.hypervwsman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypervwsman.sim.Lab;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedLab;
import java.nio.file.Files;
import java.util.List;
import io.hypervwsman.sim.SimulatedHost;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a simulated Hyper-V host on 127.0.0.1 until stopped, for users' CI and for trying the CLI. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a simulated Hyper-V host (NTLM, message encryption, Hyper-V Replica) on 127.0.0.1,",
                "or with --lab several hosts on two sites, their VMs replicated between them, each on its own port."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "0", description = "TCP port (default: a free one).")
    int port;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", completionCandidates = BundledScenarios.class,
            description = "A bundled scenario (${COMPLETION-CANDIDATES}; default: default) or a scenario file.")
    String scenario;

    @Option(names = "--lab", paramLabel = "NAME|FILE", completionCandidates = BundledLabs.class,
            description = "Serve a lab of hosts instead: bundled (2 sites x 3 hosts x 40 VMs), two-sites, or a lab.yaml"
                    + " file. Prints one line per host: name, site, endpoint. --port is then the first host's port.")
    String lab;

    @Option(names = "--lab-endpoints-file", paramLabel = "FILE",
            description = "With --lab: also write the hosts (name, site, fqdn, endpoint) as JSON to FILE.")
    Path endpointsFile;

    @Option(names = "--down", paramLabel = "HOST|SITE",
            description = "With --lab: start with this host, or every host of this site, down (WinRM and replication"
                    + " unreachable), as after losing a site. Repeatable.")
    java.util.List<String> down = new java.util.ArrayList<>();

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
        if (lab == null && (endpointsFile != null || !down.isEmpty())) {
            throw new UsageException("--lab-endpoints-file and --down need --lab", "add --lab bundled, or a lab file");
        }
        if (lab != null && scenario != null) {
            throw new UsageException("--scenario and --lab cannot be combined",
                    "a lab describes its hosts itself; choose one");
        }
        char[] password = PasswordSource.read(terminal.env(), passwordFile, terminal.console(), user);
        if (lab != null) {
            return serveLab(password);
        }
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

    private int serveLab(char[] password) throws InterruptedException {
        Lab l = BundledLabs.load(lab);
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatedLab served = bind(() -> SimulatedLab.start(l, user, password, Clock.systemUTC(), port))) {
            for (String d : down) {
                try {
                    served.takeDown(d);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--down " + d + " names no host or site of the lab",
                            "hosts: " + String.join(", ", l.hostNames()));
                }
            }
            List<String> downHosts = down.stream().flatMap(d -> served.resolve(d).stream()).toList();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            ArrayNode hosts = JSON.createArrayNode();
            for (String h : served.hostNames()) {
                boolean isDown = downHosts.stream().anyMatch(h::equalsIgnoreCase);
                terminal.out().println(h + " " + served.site(h) + " " + served.endpoint(h) + (isDown ? " down" : ""));
                hosts.addObject().put("name", h).put("site", served.site(h)).put("fqdn", l.machine(h))
                        .put("endpoint", served.endpoint(h).toString()).put("down", isDown);
            }
            terminal.out().flush();
            if (endpointsFile != null) {
                ObjectNode doc = JSON.createObjectNode().put("lab", l.name()).put("user", user);
                doc.set("hosts", hosts);
                try {
                    Files.writeString(endpointsFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
                } catch (java.io.IOException e) {
                    throw new UsageException("cannot write --lab-endpoints-file " + endpointsFile + ": " + e.getMessage(),
                            "choose a writable path");
                }
            }
            whileServing.accept(served, stopped);
        }
        return 0;
    }

    /** What runs while the lab is served: wait for the shutdown hook (tests look at the lab instead). */
    interface WhileServing {
        void accept(SimulatedLab lab, CountDownLatch stopped) throws InterruptedException;
    }

    WhileServing whileServing = (lab, stopped) -> stopped.await();

    private static final ObjectMapper JSON = new ObjectMapper();

    private <T> T bind(java.util.function.Supplier<T> start) {
        try {
            return start.get();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new UsageException("cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage(),
                        "another program holds port " + port + "; choose another --port, or --port 0 for a free one");
            }
            throw e;
        }
    }

    private SimulatedHost listen(Scenario s, char[] password) {
        return bind(() -> SimulatedHost.start(s, user, password, Clock.systemUTC(), port));
    }
}
