package io.hypervwsman.transport.auth.ntlm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The NTLM AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3): the client's responses, names, encrypted session
 * key and MIC. {@code version} and {@code mic} are null when the message lacks them.
 */
public record AuthenticateMessage(NegotiateFlags flags, byte[] lmChallengeResponse, byte[] ntChallengeResponse,
                                  String domain, String user, String workstation,
                                  byte[] encryptedRandomSessionKey, NtlmVersion version, byte[] mic) {
    static final int TYPE = 3;
    private static final int LM_RESPONSE = 12;
    private static final int NT_RESPONSE = 20;
    private static final int DOMAIN = 28;
    private static final int USER = 36;
    private static final int WORKSTATION = 44;
    private static final int SESSION_KEY = 52;
    private static final int FLAGS = 60;
    private static final int VERSION = 64;
    public static final int MIC_OFFSET = 72;
    static final int MIC_LENGTH = 16;
    private static final int FIXED_LENGTH = 64;
    private static final int FIXED_LENGTH_WITH_VERSION = 72;
    private static final int FIXED_LENGTH_WITH_MIC = 88;

    public AuthenticateMessage {
        Objects.requireNonNull(flags, "flags");
        lmChallengeResponse = copy(lmChallengeResponse);
        ntChallengeResponse = copy(ntChallengeResponse);
        encryptedRandomSessionKey = copy(encryptedRandomSessionKey);
        domain = domain == null ? "" : domain;
        user = user == null ? "" : user;
        workstation = workstation == null ? "" : workstation;
        if (mic != null && mic.length != MIC_LENGTH) {
            throw new IllegalArgumentException("MIC must be 16 bytes");
        }
        mic = mic == null ? null : mic.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    public AuthenticateMessage withMic(byte[] newMic) {
        return new AuthenticateMessage(flags, lmChallengeResponse, ntChallengeResponse, domain, user, workstation,
                encryptedRandomSessionKey, version, newMic);
    }

    /** Always writes VERSION and the MIC field (zeros if no MIC yet), as Windows clients do. */
    public byte[] toBytes() {
        NtlmMessageWriter writer = new NtlmMessageWriter(TYPE, FIXED_LENGTH_WITH_MIC);
        boolean unicode = flags.contains(NegotiateFlag.UNICODE);
        byte[] domainBytes = encode(domain, unicode);
        byte[] userBytes = encode(user, unicode);
        byte[] workstationBytes = encode(workstation, unicode);
        // Field order in the fixed part is fixed; payload order follows it.
        writer.securityBuffer(lmChallengeResponse).securityBuffer(ntChallengeResponse).securityBuffer(domainBytes)
                .securityBuffer(userBytes).securityBuffer(workstationBytes).securityBuffer(encryptedRandomSessionKey);
        writer.fixed().int32(flags.value());
        (version == null ? new NtlmVersion(0, 0, 0, 0) : version).write(writer.fixed());
        writer.fixed().bytes(mic == null ? new byte[MIC_LENGTH] : mic);
        return writer.toByteArray();
    }

    public static AuthenticateMessage parse(byte[] message) {
        NtlmReader reader = new NtlmReader(message, "AUTHENTICATE message");
        reader.requireSignature(TYPE);
        NegotiateFlags flags = new NegotiateFlags(reader.int32(FLAGS));
        boolean unicode = flags.contains(NegotiateFlag.UNICODE);
        byte[] lm = reader.securityBuffer(LM_RESPONSE, FIXED_LENGTH);
        byte[] nt = reader.securityBuffer(NT_RESPONSE, FIXED_LENGTH);
        String domain = reader.text(reader.securityBuffer(DOMAIN, FIXED_LENGTH), unicode);
        String user = reader.text(reader.securityBuffer(USER, FIXED_LENGTH), unicode);
        String workstation = reader.text(reader.securityBuffer(WORKSTATION, FIXED_LENGTH), unicode);
        byte[] sessionKey = reader.securityBuffer(SESSION_KEY, FIXED_LENGTH);
        // VERSION and MIC have no flag of their own: they are present when the payload starts after them.
        long payloadStart = payloadStart(reader);
        NtlmVersion version = null;
        byte[] mic = null;
        if (payloadStart >= FIXED_LENGTH_WITH_VERSION && reader.length() >= FIXED_LENGTH_WITH_VERSION) {
            version = NtlmVersion.read(reader, VERSION);
        }
        if (payloadStart >= FIXED_LENGTH_WITH_MIC && reader.length() >= FIXED_LENGTH_WITH_MIC) {
            mic = reader.bytes(MIC_OFFSET, MIC_LENGTH);
        }
        return new AuthenticateMessage(flags, lm, nt, domain, user, workstation, sessionKey, version, mic);
    }

    /**
     * The message as received with its MIC field zeroed, which is what the MIC covers (MS-NLMP 3.1.5.1.2).
     * The caller has already parsed {@code message}, so it holds a MIC field.
     */
    static byte[] withZeroedMic(byte[] message) {
        NtlmReader reader = new NtlmReader(message, "AUTHENTICATE message");
        reader.bytes(MIC_OFFSET, MIC_LENGTH);
        byte[] copy = message.clone();
        Arrays.fill(copy, MIC_OFFSET, MIC_OFFSET + MIC_LENGTH, (byte) 0);
        return copy;
    }

    private static long payloadStart(NtlmReader reader) {
        long start = Long.MAX_VALUE;
        for (int field = LM_RESPONSE; field <= SESSION_KEY; field += 8) {
            start = Math.min(start, reader.payloadOffset(field));
        }
        return start;
    }

    private static byte[] encode(String text, boolean unicode) {
        return unicode ? NtlmWriter.utf16(text) : text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticateMessage that && that.flags.equals(flags)
                && Arrays.equals(that.lmChallengeResponse, lmChallengeResponse)
                && Arrays.equals(that.ntChallengeResponse, ntChallengeResponse)
                && that.domain.equals(domain) && that.user.equals(user) && that.workstation.equals(workstation)
                && Arrays.equals(that.encryptedRandomSessionKey, encryptedRandomSessionKey)
                && Objects.equals(that.version, version) && Arrays.equals(that.mic, mic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, domain, user, workstation, Arrays.hashCode(ntChallengeResponse));
    }

    /** Names and flags only: responses, the encrypted key and the MIC are derived from secrets. */
    @Override
    public String toString() {
        return "AuthenticateMessage[flags=" + flags + ", domain=" + domain + ", user=" + user
                + ", workstation=" + workstation + ", ntResponse=" + ntChallengeResponse.length + " bytes, version="
                + version + ", mic=" + (mic == null ? "absent" : "present") + "]";
    }
}
