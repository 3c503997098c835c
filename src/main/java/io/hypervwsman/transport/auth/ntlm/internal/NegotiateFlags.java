package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.ArrayList;
import java.util.List;

/** The 32-bit NegotiateFlags field of an NTLM message (MS-NLMP 2.2.2.5). */
public record NegotiateFlags(int value) {

    /**
     * What a Windows client offers in its NEGOTIATE message and what our session security needs:
     * NTLMv2 with extended session security, 128-bit keys and key exchange.
     */
    public static final NegotiateFlags CLIENT_DEFAULT = of(NegotiateFlag.UNICODE, NegotiateFlag.REQUEST_TARGET,
            NegotiateFlag.SIGN, NegotiateFlag.SEAL, NegotiateFlag.NTLM, NegotiateFlag.ALWAYS_SIGN,
            NegotiateFlag.EXTENDED_SESSIONSECURITY, NegotiateFlag.VERSION, NegotiateFlag.NEGOTIATE_128,
            NegotiateFlag.KEY_EXCH, NegotiateFlag.NEGOTIATE_56);

    /**
     * Without these both sides agreeing, {@link NtlmSessionSecurity} cannot protect messages; all a server
     * requires of a client.
     */
    public static final NegotiateFlags SESSION_SECURITY = of(NegotiateFlag.SIGN, NegotiateFlag.SEAL,
            NegotiateFlag.EXTENDED_SESSIONSECURITY, NegotiateFlag.NEGOTIATE_128, NegotiateFlag.KEY_EXCH);

    /**
     * What our client requires of a server's CHALLENGE: {@link #SESSION_SECURITY} plus UNICODE and NTLM,
     * which Windows servers always answer our NEGOTIATE with.
     */
    public static final NegotiateFlags REQUIRED = SESSION_SECURITY.with(NegotiateFlag.UNICODE, NegotiateFlag.NTLM);

    public static NegotiateFlags of(NegotiateFlag... flags) {
        int value = 0;
        for (NegotiateFlag flag : flags) {
            value |= flag.bit();
        }
        return new NegotiateFlags(value);
    }

    public boolean contains(NegotiateFlag flag) {
        return (value & flag.bit()) != 0;
    }

    public boolean containsAll(NegotiateFlags other) {
        return (value & other.value) == other.value;
    }

    public NegotiateFlags with(NegotiateFlag... flags) {
        return new NegotiateFlags(value | of(flags).value);
    }

    public NegotiateFlags intersect(NegotiateFlags other) {
        return new NegotiateFlags(value & other.value);
    }

    /** The flags of {@code other} that this set lacks. */
    public NegotiateFlags missing(NegotiateFlags other) {
        return new NegotiateFlags(other.value & ~value);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (NegotiateFlag flag : NegotiateFlag.values()) {
            if (contains(flag)) {
                names.add(flag.name());
            }
        }
        return String.format("0x%08X%s", value, names);
    }
}
