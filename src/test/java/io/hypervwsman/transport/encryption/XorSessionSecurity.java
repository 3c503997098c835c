package io.hypervwsman.transport.encryption;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Test-only session security: XOR "sealing" and a CRC32-over-sequence-and-plaintext "signature" with
 * a sequence number per direction, so framing bugs and replays are detectable. Mirrors generate.py.
 */
final class XorSessionSecurity implements SessionSecurity {

    static final int SIGNATURE_LENGTH = 12;
    private static final byte[] MAGIC = {'X', 'S', 'I', 'G'};

    private final String protocol;
    private final byte key;
    private int sendSequence;
    private int receiveSequence;

    XorSessionSecurity(String protocol, int key) {
        this.protocol = protocol;
        this.key = (byte) key;
    }

    static XorSessionSecurity spnego() {
        return new XorSessionSecurity(MultipartEncrypted.SPNEGO_PROTOCOL, 0x5a);
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public WrappedMessage wrap(byte[] plaintext) {
        int sequence = sendSequence++;
        return new WrappedMessage(signature(sequence, plaintext), xor(plaintext));
    }

    @Override
    public byte[] unwrap(byte[] signature, byte[] sealed) {
        byte[] plaintext = xor(sealed);
        if (!Arrays.equals(signature, signature(receiveSequence, plaintext))) {
            throw new MessageIntegrityException("test signature mismatch");
        }
        receiveSequence++;
        return plaintext;
    }

    private byte[] xor(byte[] input) {
        byte[] output = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            output[i] = (byte) (input[i] ^ key);
        }
        return output;
    }

    private static byte[] signature(int sequence, byte[] plaintext) {
        byte[] sequenceBytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sequence).array();
        CRC32 crc = new CRC32();
        crc.update(sequenceBytes);
        crc.update(plaintext);
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt((int) crc.getValue()).put(sequenceBytes).array();
    }
}
