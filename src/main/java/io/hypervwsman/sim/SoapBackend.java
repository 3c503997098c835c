package io.hypervwsman.sim;

/** Answers one plaintext SOAP request: what sits behind the authenticating, encrypting front of a host. */
@FunctionalInterface
public interface SoapBackend {

    /** Handles one request envelope. */
    Reply handle(byte[] envelope);

    /**
     * The backend's answer: HTTP status, content type and body; or, with {@code dropsConnection}, no answer at all
     * (the gateway closes the connection, as when a host dies after doing the work).
     */
    record Reply(int status, String contentType, byte[] body, boolean dropsConnection) {

        public Reply(int status, String contentType, byte[] body) {
            this(status, contentType, body, false);
        }

        /** Close the connection without replying. */
        public static Reply droppedConnection() {
            return new Reply(0, null, new byte[0], true);
        }
    }
}
