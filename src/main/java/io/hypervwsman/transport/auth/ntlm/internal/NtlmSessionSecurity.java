package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.macs.HMac;

/**
 * NTLM sealing and signing with extended session security and key exchange (MS-NLMP 3.4.3, 3.4.4.2),
 * as WinRM message encryption uses it. Each direction has one RC4 stream, keyed once, that runs
 * across messages and encrypts first the message, then its checksum. After any integrity failure the
 * receiving stream is out of step with the peer's, so the session is dead and every later call throws.
 */
public final class NtlmSessionSecurity implements SessionSecurity {
    /** The multipart/encrypted protocol WinRM uses for NTLM (MS-WSMV 2.2.9.1). */
    public static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";

    private final String role;
    private final HMac sendingSigner;
    private final Rc4 sendingSealer;
    private final HMac receivingSigner;
    private final Rc4 receivingSealer;
    private int sendingSequence;
    private int receivingSequence;
    private boolean failed;

    private NtlmSessionSecurity(String role, SignAndSealKeys sending, SignAndSealKeys receiving) {
        this.role = role;
        this.sendingSigner = Digests.keyedHmacMd5(sending.signingKey());
        this.sendingSealer = new Rc4(sending.sealingKey());
        this.receivingSigner = Digests.keyedHmacMd5(receiving.signingKey());
        this.receivingSealer = new Rc4(receiving.sealingKey());
    }

    /** The client's side: sends with client-to-server keys, receives with server-to-client keys. */
    public static NtlmSessionSecurity forClient(byte[] exportedSessionKey) {
        return new NtlmSessionSecurity("client", SignAndSealKeys.clientToServer(exportedSessionKey),
                SignAndSealKeys.serverToClient(exportedSessionKey));
    }

    /** The server's side: sends with server-to-client keys, receives with client-to-server keys. */
    static NtlmSessionSecurity forServer(byte[] exportedSessionKey) {
        return new NtlmSessionSecurity("server", SignAndSealKeys.serverToClient(exportedSessionKey),
                SignAndSealKeys.clientToServer(exportedSessionKey));
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public WrappedMessage wrap(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        requireUsable();
        // MS-NLMP 3.4.3: SEAL encrypts the message first, then MAC encrypts the checksum with the same handle.
        byte[] sealed = sendingSealer.apply(plaintext);
        byte[] checksum = sendingSealer.apply(checksum(sendingSigner, sendingSequence, plaintext));
        NtlmSignature signature = new NtlmSignature(checksum, sendingSequence);
        sendingSequence++;
        return new WrappedMessage(signature.toBytes(), sealed);
    }

    @Override
    public byte[] unwrap(byte[] signatureBytes, byte[] sealed) {
        requireUsable();
        // Assume failure until the message verifies: a half-processed message leaves the RC4 stream unusable.
        failed = true;
        if (sealed == null) {
            throw new MessageIntegrityException("NTLM sealed message is missing");
        }
        NtlmSignature signature = NtlmSignature.parse(signatureBytes);
        byte[] plaintext = receivingSealer.apply(sealed);
        byte[] expected = checksum(receivingSigner, receivingSequence, plaintext);
        byte[] received = receivingSealer.apply(signature.checksum());
        if (signature.sequenceNumber() != receivingSequence) {
            Arrays.fill(plaintext, (byte) 0);
            throw new MessageIntegrityException("NTLM " + role + " expected sequence number "
                    + Integer.toUnsignedString(receivingSequence) + " but the message carries "
                    + Integer.toUnsignedString(signature.sequenceNumber()) + " (replayed, reordered or lost message)");
        }
        if (!MessageDigest.isEqual(expected, received)) {
            Arrays.fill(plaintext, (byte) 0);
            throw new MessageIntegrityException("NTLM message signature does not verify (sequence number "
                    + Integer.toUnsignedString(receivingSequence) + ")");
        }
        receivingSequence++;
        failed = false;
        return plaintext;
    }

    /** HMAC_MD5(SigningKey, SeqNum ‖ Message)[0..7] (MS-NLMP 3.4.4.2). */
    private static byte[] checksum(HMac signer, int sequenceNumber, byte[] plaintext) {
        byte[] sequence = new NtlmWriter().int32(sequenceNumber).toByteArray();
        signer.update(sequence, 0, sequence.length);
        signer.update(plaintext, 0, plaintext.length);
        byte[] mac = new byte[signer.getMacSize()];
        signer.doFinal(mac, 0);
        return Arrays.copyOf(mac, 8);
    }

    private void requireUsable() {
        if (failed) {
            throw new MessageIntegrityException("NTLM session security is unusable after an earlier integrity failure;"
                    + " authenticate again");
        }
    }

    @Override
    public String toString() {
        return "NtlmSessionSecurity[" + role + ", sent=" + Integer.toUnsignedString(sendingSequence)
                + ", received=" + Integer.toUnsignedString(receivingSequence) + (failed ? ", failed" : "") + "]";
    }
}
