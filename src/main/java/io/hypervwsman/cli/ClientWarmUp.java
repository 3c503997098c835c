package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.wsman.WsManClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The start-up work of a command that talks to a host which needs none of its options, done on a second core while
 * picocli builds its model and parses: the private CXF bus, and one WS-Man exchange through the whole client path
 * (CXF's out and in chains, the enumeration and CIM readers, the VM list) answered from memory. It knows neither the
 * host nor the options, and has no way to send anything: a usage error, {@code --help} or a refused password ends the
 * process as before, and the warm-up, a daemon thread, with it. What it pays for is Java code run for the first time
 * (linking, constant-pool resolution), which the command's own exchange then finds done (BENCHMARKS.md, issue 16).
 */
final class ClientWarmUp {
    private static final String REPLY = "warm-up-enumerate-response.xml";
    /** The MessageID the warm-up's request carries, and its canned reply's a:RelatesTo. */
    private static final UUID MESSAGE_ID = new UUID(0, 0);
    /** The commands that talk to no host (WarmUpSendsNothingCliTest holds this list to Main's commands). */
    static final Set<String> NO_HOST = Set.of("help", "simulate", "plan");
    private static final Set<String> HELP_OR_VERBOSE = Set.of("-h", "--help", "-V", "--version", "--verbose");

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private static volatile Thread running;

    private ClientWarmUp() {
    }

    /** Whether a run with these arguments is worth warming up: {@link #leadsToAHost} with {@link #coreToSpare}. */
    static boolean worthIt(String[] args) {
        return leadsToAHost(args) && coreToSpare(Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /**
     * Whether these arguments, read as words before anything is parsed, would have the command talk to a host: the
     * first names a command that does (any but those in {@link #NO_HOST}; an unknown word is a usage error the warm-up
     * does not change), and none asks for help or the version or is {@code --verbose} (which logs every exchange: the
     * warm-up's must not appear).
     */
    static boolean leadsToAHost(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || NO_HOST.contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (HELP_OR_VERBOSE.contains(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a second thread would run beside the command rather than take its turns: at least two cores, and fewer
     * runnable tasks (the one-minute load average) than cores. On a saturated machine the warm-up's extra ~15 ms of
     * CPU only adds to the wall time (BENCHMARKS.md, "Start-up overlap").
     */
    static boolean coreToSpare(int cores, double loadAverage) {
        return cores >= 2 && loadAverage < cores;
    }

    /** The one-minute load average from /proc/loadavg (Linux); 0 where there is none (e.g. macOS). */
    private static double loadAverage() {
        try {
            String text = Files.readString(LOADAVG, StandardCharsets.US_ASCII);
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Starts the warm-up on a daemon thread (once per process). */
    static synchronized void start() {
        if (running == null) {
            Thread t = new Thread(ClientWarmUp::runQuietly, "hyperv-wsman-warm-up");
            t.setDaemon(true);
            running = t;
            t.start();
        }
    }

    /**
     * Waits until the warm-up, if one was started, has finished, so that the command's own client does not run the
     * same first-time code beside it. Its failures are its own: the command then meets them itself, with its usual
     * exception, exit code and message.
     */
    static void awaitDone() {
        Thread t = running;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runQuietly() {
        try {
            run();
        } catch (RuntimeException | LinkageError e) {
            // Best effort only (see awaitDone). The one failure that is shared: if CXF's private bus cannot be created
            // (a broken build), the command meets NoClassDefFoundError for the bus holder instead of its
            // ExceptionInInitializerError; either way an error no operator input causes.
        }
    }

    /** One VM listing over a client whose transport answers from memory; returns the canned VM. */
    static List<VirtualMachine> run() {
        ConnectionOptions options = ConnectionOptions.builder(URI.create("http://127.0.0.1/wsman")).build();
        try (HyperVHost host = HyperVHost.builder()
                .client(new WsManClient(options, new AnsweredFromMemory(), () -> MESSAGE_ID), "warm-up").build()) {
            return host.vms().list();
        }
    }

    /** A transport that never leaves the process: every request gets the canned enumeration reply. */
    private static final class AnsweredFromMemory implements Transport {
        @Override
        public SoapReply exchange(byte[] envelope) {
            try (InputStream in = ClientWarmUp.class.getResourceAsStream(REPLY)) {
                if (in == null) {
                    throw new IllegalStateException(REPLY + " is missing");
                }
                return new SoapReply(200, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
