package io.hypervwsman.sim;

/** Answers one plaintext SOAP request: what sits behind the authenticating, encrypting front of a host. */
@FunctionalInterface
public interface SoapBackend {

    /** Handles one request envelope. */
    Reply handle(byte[] envelope);

    /** The backend's answer: HTTP status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {
    }
}
