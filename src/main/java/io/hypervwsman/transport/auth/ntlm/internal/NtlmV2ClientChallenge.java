package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Objects;

/**
 * The NTLMv2_CLIENT_CHALLENGE ("temp" in MS-NLMP 3.3.2, structure in 2.2.2.7): time, client nonce and
 * the AV pairs the client vouches for. Encoded with the four trailing zero bytes of 3.3.2.
 */
public record NtlmV2ClientChallenge(FileTime time, byte[] clientChallenge, TargetInfo avPairs) {
    private static final int RESP_TYPE = 1;
    private static final int HI_RESP_TYPE = 1;
    static final int MIN_LENGTH = 28;

    public NtlmV2ClientChallenge {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(avPairs, "avPairs");
        if (clientChallenge.length != 8) {
            throw new IllegalArgumentException("client challenge must be 8 bytes");
        }
        clientChallenge = clientChallenge.clone();
    }

    @Override
    public byte[] clientChallenge() {
        return clientChallenge.clone();
    }

    public byte[] toBytes() {
        return new NtlmWriter().uint8(RESP_TYPE).uint8(HI_RESP_TYPE).zeros(6).int64(time.value())
                .bytes(clientChallenge).zeros(4).bytes(avPairs.toBytes()).zeros(4).toByteArray();
    }

    static NtlmV2ClientChallenge parse(byte[] encoded) {
        NtlmReader reader = new NtlmReader(encoded, "NTLMv2 client challenge");
        if (reader.uint8(0) != RESP_TYPE || reader.uint8(1) != HI_RESP_TYPE) {
            throw reader.malformed("unknown response type");
        }
        return new NtlmV2ClientChallenge(new FileTime(reader.int64(8)), reader.bytes(16, 8),
                TargetInfo.read(reader, MIN_LENGTH));
    }
}
