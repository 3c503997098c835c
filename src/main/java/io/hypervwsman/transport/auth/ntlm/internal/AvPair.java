package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Arrays;
import java.util.HexFormat;

/** One AV_PAIR of NTLM target information (MS-NLMP 2.2.2.1); ids we do not know are kept as read. */
public record AvPair(int id, byte[] value) {

    public AvPair {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AvPair pair && pair.id == id && Arrays.equals(pair.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String name = AvId.of(id).map(Enum::name).orElse("0x" + Integer.toHexString(id));
        return name + "=" + HexFormat.of().formatHex(value);
    }
}
