package io.hypervwsman.transport.auth.ntlm.internal;

import java.nio.charset.StandardCharsets;

/**
 * The NTLM NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1): the client's offer of flags. Domain and workstation
 * are OEM strings, present only with the *_SUPPLIED flags; {@code version} is null when absent.
 */
public record NegotiateMessage(NegotiateFlags flags, String domain, String workstation, NtlmVersion version) {
    static final int TYPE = 1;
    private static final int FLAGS = 12;
    private static final int DOMAIN = 16;
    private static final int WORKSTATION = 24;
    private static final int VERSION = 32;
    private static final int FIXED_LENGTH = 32;
    private static final int FIXED_LENGTH_WITH_VERSION = 40;

    public NegotiateMessage {
        domain = domain == null ? "" : domain;
        workstation = workstation == null ? "" : workstation;
    }

    /** What our client sends: default flags, no domain or workstation (Windows leaves them out too). */
    public static NegotiateMessage client(NtlmVersion version) {
        return new NegotiateMessage(NegotiateFlags.CLIENT_DEFAULT, "", "", version);
    }

    public byte[] toBytes() {
        boolean withVersion = version != null && flags.contains(NegotiateFlag.VERSION);
        NtlmMessageWriter writer = new NtlmMessageWriter(TYPE, withVersion ? FIXED_LENGTH_WITH_VERSION : FIXED_LENGTH);
        writer.fixed().int32(flags.value());
        writer.securityBuffer(domain.getBytes(StandardCharsets.ISO_8859_1));
        writer.securityBuffer(workstation.getBytes(StandardCharsets.ISO_8859_1));
        if (withVersion) {
            version.write(writer.fixed());
        }
        return writer.toByteArray();
    }

    public static NegotiateMessage parse(byte[] message) {
        NtlmReader reader = new NtlmReader(message, "NEGOTIATE message");
        reader.requireSignature(TYPE);
        NegotiateFlags flags = new NegotiateFlags(reader.int32(FLAGS));
        if (reader.length() < FIXED_LENGTH) {
            // MS-NLMP 2.2.1.1 allows clients to stop after the flags; treat the names as absent.
            return new NegotiateMessage(flags, "", "", null);
        }
        String domain = flags.contains(NegotiateFlag.OEM_DOMAIN_SUPPLIED)
                ? reader.text(reader.securityBuffer(DOMAIN, FIXED_LENGTH), false) : "";
        String workstation = flags.contains(NegotiateFlag.OEM_WORKSTATION_SUPPLIED)
                ? reader.text(reader.securityBuffer(WORKSTATION, FIXED_LENGTH), false) : "";
        long payloadStart = Math.min(reader.payloadOffset(DOMAIN), reader.payloadOffset(WORKSTATION));
        NtlmVersion version = flags.contains(NegotiateFlag.VERSION) && reader.length() >= FIXED_LENGTH_WITH_VERSION
                && payloadStart >= FIXED_LENGTH_WITH_VERSION ? NtlmVersion.read(reader, VERSION) : null;
        return new NegotiateMessage(flags, domain, workstation, version);
    }
}
