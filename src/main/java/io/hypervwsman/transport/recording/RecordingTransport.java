package io.hypervwsman.transport.recording;

import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records every exchange that passes through it, decrypted (it sits above authentication and encryption), and on
 * {@link #close()} (or, with {@link #writeOnExit()}, when the process is stopped) writes them as WireMock mappings with
 * secrets scrubbed and, optionally, host names, user names and GUIDs pseudonymized consistently across the whole
 * recording.
 *
 * <p>Writing waits for close because pseudonyms must be consistent: a host name learned from the tenth reply must
 * also be replaced in the first. Only exchanges that produced a SOAP reply are recorded; a transport failure (401,
 * 503, a reset) is not a mapping.
 */
public final class RecordingTransport implements Transport {
    private final Transport delegate;
    private final Path directory;
    private final boolean pseudonymize;
    private final String endpointHost;
    private final Credentials credentials;
    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private boolean written;
    private Thread exitHook;

    /**
     * @param directory    a WireMock root: mappings/ and __files/ are created inside it
     * @param options      the connection's options: its host and user are pseudonymized, its password scanned for
     * @param pseudonymize replace host names, user names and GUIDs with stable pseudonyms
     */
    public RecordingTransport(Transport delegate, Path directory, ConnectionOptions options, boolean pseudonymize) {
        this.delegate = Objects.requireNonNull(delegate);
        this.directory = Objects.requireNonNull(directory);
        this.pseudonymize = pseudonymize;
        this.endpointHost = options.endpoint().getHost();
        this.credentials = options.credentials().orElse(null);
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        SoapReply reply = delegate.exchange(envelope);
        synchronized (exchanges) {
            exchanges.add(new RecordedExchange(new String(envelope, StandardCharsets.UTF_8), reply.status(),
                    new String(reply.envelope(), StandardCharsets.UTF_8)));
        }
        return reply;
    }

    /** How many exchanges have been recorded so far. */
    public int recordedCount() {
        synchronized (exchanges) {
            return exchanges.size();
        }
    }

    /**
     * Also writes the recording if the process is stopped before {@link #close()} (Ctrl-C, SIGTERM), so an
     * interrupted run keeps what it recorded. Closing removes the hook.
     */
    public RecordingTransport writeOnExit() {
        synchronized (exchanges) {
            if (exitHook == null && !written) {
                exitHook = new Thread(this::write, "hyperv-wsman-recording-on-exit");
                Runtime.getRuntime().addShutdownHook(exitHook);
            }
        }
        return this;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            write();
            removeExitHook();
        }
    }

    private void removeExitHook() {
        Thread hook;
        synchronized (exchanges) {
            hook = exitHook;
            exitHook = null;
        }
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; write() is idempotent.
            }
        }
    }

    private void write() {
        List<RecordedExchange> all;
        synchronized (exchanges) {
            if (written) {
                return;
            }
            written = true;
            all = List.copyOf(exchanges);
        }
        char[] password = credentials == null ? new char[0] : credentials.password();
        try {
            SecretScrubber scrubber = new SecretScrubber(password);
            List<RecordedExchange> clean = new ArrayList<>();
            for (RecordedExchange e : all) {
                clean.add(new RecordedExchange(scrubber.scrub(e.request()), e.status(), scrubber.scrub(e.reply())));
            }
            if (pseudonymize) {
                Pseudonyms pseudonyms = Pseudonyms.learn(endpointHost, credentials == null ? null : credentials.user(),
                        clean);
                clean = clean.stream().map(e -> new RecordedExchange(pseudonyms.apply(e.request()), e.status(),
                        pseudonyms.apply(e.reply()))).toList();
            }
            new WireMockMappings(directory).write(clean);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** One decrypted request and the SOAP reply it got. */
    record RecordedExchange(String request, int status, String reply) {
    }
}
