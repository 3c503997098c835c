package io.hypervwsman.transport.auth.ntlm.internal;

/** The VERSION structure of NTLM messages (MS-NLMP 2.2.2.10), for debugging only. */
public record NtlmVersion(int major, int minor, int build, int revision) {

    /** NTLMSSP_REVISION_W2K3, the only revision MS-NLMP defines. */
    public static final int REVISION_W2K3 = 0x0F;

    /** What Windows 10 / Server 2019 and later announce. */
    public static final NtlmVersion WINDOWS_10 = new NtlmVersion(10, 0, 17763, REVISION_W2K3);

    static final int LENGTH = 8;

    static NtlmVersion read(NtlmReader reader, int offset) {
        return new NtlmVersion(reader.uint8(offset), reader.uint8(offset + 1), reader.uint16(offset + 2),
                reader.uint8(offset + 7));
    }

    void write(NtlmWriter writer) {
        writer.uint8(major).uint8(minor).uint16(build).zeros(3).uint8(revision);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + " rev " + revision;
    }
}
