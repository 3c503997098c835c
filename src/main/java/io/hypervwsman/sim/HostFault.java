package io.hypervwsman.sim;

/**
 * A misbehaviour the simulated host can show, for tests of how the client copes; armed in its {@link FaultPlan} (by a
 * test, or by a scenario file's {@code faults} with the constant's name in lower case and dashes, e.g. {@code quota}).
 * The gateway shows the HTTP, authentication and encryption faults: those that change a reply after the backend has
 * carried the request out, while RESET_BEFORE_READ and SERVICE_UNAVAILABLE keep the request from the backend
 * altogether. The WS-Management service shows the {@link #SERVICE_FAULTS}.
 */
public enum HostFault {
    /** Answer the quota fault (w:QuotaLimit with an MSFT_WmiError, no a:RelatesTo, as Windows) without doing anything. */
    QUOTA,
    /** Do the operation, then close the connection without replying. */
    DROP_AFTER_PROCESSING,
    /** Take longer than OperationTimeout: answer w:TimedOut (an Invoke is still carried out). */
    SLOW_REPLY,
    /** The next reply is sent as plaintext SOAP although encryption is in force (a downgrade). */
    PLAINTEXT_REPLY,
    /** The next sealed reply carries a signature with one bit flipped. */
    TAMPERED_SIGNATURE,
    /** The host forgets every authenticated session (not a handshake in progress), so the next request gets a 401. */
    FORGET_SESSIONS,
    /** The host closes the connection after its next reply, as an idle kept-alive connection is closed. */
    CLOSE_AFTER_REPLY,
    /** The connection is closed before the request reaches the WS-Management service: nothing is carried out. */
    RESET_BEFORE_READ,
    /** HTTP.sys answers 503 without SOAP (the WinRM service is unavailable): nothing is carried out. */
    SERVICE_UNAVAILABLE,
    /** The next sealed reply is cut short inside its encrypted part. */
    TRUNCATED_MULTIPART,
    /** The next sealed reply is signed and sealed with the sequence number after the expected one. */
    WRONG_SEQUENCE_NUMBER,
    /** The next reply carries bytes that are not UTF-8 in its body, correctly sealed. */
    INVALID_UTF8,
    /** The next reply's a:RelatesTo names another message. */
    RELATES_TO_MISMATCH,
    /** The next reply is padded past the client's MaxEnvelopeSize (512000 bytes by default). */
    OVERSIZE_REPLY,
    /** The next reply starts with a DOCTYPE declaring an external entity and an entity-expansion bomb. */
    DOCTYPE_REPLY,
    /** The request is carried out, then the host holds the connection open and never answers. */
    NO_REPLY,
    /** The request is carried out, then its reply is sent one byte every 20 ms (until the client gives up). */
    TRICKLE_REPLY,
    /** The request is carried out, then the reply is a chunked body that never ends (until the client gives up). */
    ENDLESS_REPLY;

    /** The faults the WS-Management service shows (the gateway shows the others). */
    public static final java.util.Set<HostFault> SERVICE_FAULTS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(QUOTA, DROP_AFTER_PROCESSING, SLOW_REPLY));

    /** The fault a scenario file names, e.g. {@code quota} or {@code drop-after-processing}. */
    public static HostFault fromScenarioName(String name) {
        for (HostFault f : values()) {
            if (f.scenarioName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault kind " + name);
    }

    /** The name a scenario file uses: lower case, words joined by dashes. */
    public String scenarioName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
