package io.hypervwsman.transport.auth.ntlm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2): the server's flags, 8-byte challenge, target name
 * and target information. {@code version} is null when absent.
 */
public record ChallengeMessage(NegotiateFlags flags, byte[] serverChallenge, String targetName,
                               TargetInfo targetInfo, NtlmVersion version) {
    static final int TYPE = 2;
    private static final int TARGET_NAME = 12;
    private static final int FLAGS = 20;
    private static final int SERVER_CHALLENGE = 24;
    private static final int TARGET_INFO = 40;
    private static final int VERSION = 48;
    private static final int FIXED_LENGTH = 48;
    private static final int FIXED_LENGTH_WITH_VERSION = 56;

    public ChallengeMessage {
        Objects.requireNonNull(flags, "flags");
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("server challenge must be 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
        targetName = targetName == null ? "" : targetName;
        targetInfo = targetInfo == null ? TargetInfo.empty() : targetInfo;
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    public byte[] toBytes() {
        boolean withVersion = version != null && flags.contains(NegotiateFlag.VERSION);
        NtlmMessageWriter writer = new NtlmMessageWriter(TYPE, withVersion ? FIXED_LENGTH_WITH_VERSION : FIXED_LENGTH);
        boolean unicode = flags.contains(NegotiateFlag.UNICODE);
        writer.securityBuffer(unicode ? NtlmWriter.utf16(targetName) : targetName.getBytes(StandardCharsets.ISO_8859_1));
        writer.fixed().int32(flags.value()).bytes(serverChallenge).zeros(8);
        writer.securityBuffer(flags.contains(NegotiateFlag.TARGET_INFO) ? targetInfo.toBytes() : new byte[0]);
        if (withVersion) {
            version.write(writer.fixed());
        }
        return writer.toByteArray();
    }

    public static ChallengeMessage parse(byte[] message) {
        NtlmReader reader = new NtlmReader(message, "CHALLENGE message");
        reader.requireSignature(TYPE);
        if (reader.length() < FIXED_LENGTH) {
            // Only pre-NTLMv2 servers omit TargetInfoFields; we cannot answer them with NTLMv2.
            throw reader.malformed("truncated (" + reader.length() + " bytes)");
        }
        NegotiateFlags flags = new NegotiateFlags(reader.int32(FLAGS));
        byte[] serverChallenge = reader.bytes(SERVER_CHALLENGE, 8);
        String targetName = reader.text(reader.securityBuffer(TARGET_NAME, FIXED_LENGTH),
                flags.contains(NegotiateFlag.UNICODE));
        TargetInfo targetInfo = TargetInfo.empty();
        if (flags.contains(NegotiateFlag.TARGET_INFO)) {
            byte[] encoded = reader.securityBuffer(TARGET_INFO, FIXED_LENGTH);
            targetInfo = TargetInfo.read(new NtlmReader(encoded, "CHALLENGE target info"), 0);
        }
        long payloadStart = Math.min(reader.payloadOffset(TARGET_NAME), reader.payloadOffset(TARGET_INFO));
        NtlmVersion version = flags.contains(NegotiateFlag.VERSION) && reader.length() >= FIXED_LENGTH_WITH_VERSION
                && payloadStart >= FIXED_LENGTH_WITH_VERSION ? NtlmVersion.read(reader, VERSION) : null;
        return new ChallengeMessage(flags, serverChallenge, targetName, targetInfo, version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChallengeMessage that && that.flags.equals(flags)
                && Arrays.equals(that.serverChallenge, serverChallenge) && that.targetName.equals(targetName)
                && that.targetInfo.equals(targetInfo) && Objects.equals(that.version, version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, Arrays.hashCode(serverChallenge), targetName, targetInfo, version);
    }

    @Override
    public String toString() {
        // The server challenge is a public nonce, not a secret.
        return "ChallengeMessage[flags=" + flags + ", serverChallenge=" + HexFormat.of().formatHex(serverChallenge)
                + ", targetName=" + targetName + ", " + targetInfo + ", version=" + version + "]";
    }
}
