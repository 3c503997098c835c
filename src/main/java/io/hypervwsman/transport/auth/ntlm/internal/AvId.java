package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Optional;

/** The AvId of an AV_PAIR in NTLM target information (MS-NLMP 2.2.2.1). */
public enum AvId {
    MSV_AV_EOL(0x0000, 0),
    MSV_AV_NB_COMPUTER_NAME(0x0001, -1),
    MSV_AV_NB_DOMAIN_NAME(0x0002, -1),
    MSV_AV_DNS_COMPUTER_NAME(0x0003, -1),
    MSV_AV_DNS_DOMAIN_NAME(0x0004, -1),
    MSV_AV_DNS_TREE_NAME(0x0005, -1),
    MSV_AV_FLAGS(0x0006, 4),
    MSV_AV_TIMESTAMP(0x0007, 8),
    MSV_AV_SINGLE_HOST(0x0008, -1),
    MSV_AV_TARGET_NAME(0x0009, -1),
    MSV_AV_CHANNEL_BINDINGS(0x000A, 16);

    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC (MS-NLMP 2.2.2.1). */
    public static final int FLAG_MIC_PRESENT = 0x0000_0002;

    private final int id;
    private final int fixedLength;

    AvId(int id, int fixedLength) {
        this.id = id;
        this.fixedLength = fixedLength;
    }

    public int id() {
        return id;
    }

    /** The length MS-NLMP prescribes for the value, or -1 when it varies. */
    int fixedLength() {
        return fixedLength;
    }

    public static Optional<AvId> of(int id) {
        for (AvId candidate : values()) {
            if (candidate.id == id) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
