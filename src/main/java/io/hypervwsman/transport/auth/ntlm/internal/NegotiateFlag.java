package io.hypervwsman.transport.auth.ntlm.internal;

/** One bit of the NTLM NegotiateFlags field (MS-NLMP 2.2.2.5). */
public enum NegotiateFlag {
    UNICODE(0x0000_0001),
    OEM(0x0000_0002),
    REQUEST_TARGET(0x0000_0004),
    SIGN(0x0000_0010),
    SEAL(0x0000_0020),
    DATAGRAM(0x0000_0040),
    LM_KEY(0x0000_0080),
    NTLM(0x0000_0200),
    ANONYMOUS(0x0000_0800),
    OEM_DOMAIN_SUPPLIED(0x0000_1000),
    OEM_WORKSTATION_SUPPLIED(0x0000_2000),
    ALWAYS_SIGN(0x0000_8000),
    TARGET_TYPE_DOMAIN(0x0001_0000),
    TARGET_TYPE_SERVER(0x0002_0000),
    EXTENDED_SESSIONSECURITY(0x0008_0000),
    IDENTIFY(0x0010_0000),
    REQUEST_NON_NT_SESSION_KEY(0x0040_0000),
    TARGET_INFO(0x0080_0000),
    VERSION(0x0200_0000),
    NEGOTIATE_128(0x2000_0000),
    KEY_EXCH(0x4000_0000),
    NEGOTIATE_56(0x8000_0000);

    private final int bit;

    NegotiateFlag(int bit) {
        this.bit = bit;
    }

    /** The flag's bit in the 32-bit field. */
    public int bit() {
        return bit;
    }
}
