package io.hypervwsman.wsman;

import io.hypervwsman.transport.Transport;
import java.util.UUID;

/**
 * A transport that answers every request with one given reply, for tests of how the WS-Man layer reads what
 * a host sends. Pair it with {@link #MESSAGE_ID} as the client's only MessageID so that a reply can relate to it.
 */
final class ScriptedTransport implements Transport {
    static final UUID MESSAGE_ID = UUID.fromString("00000000-0000-0000-0000-00000000F00D");
    static final String RELATES_TO = "uuid:00000000-0000-0000-0000-00000000F00D";

    private volatile SoapReply reply = new SoapReply(200, new byte[0]);

    /** What every following exchange answers. */
    void answer(int status, byte[] envelope) {
        reply = new SoapReply(status, envelope);
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        return reply;
    }

    @Override
    public void close() {
    }
}
