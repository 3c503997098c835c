package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NTLM target information: the AV_PAIR list a server sends in CHALLENGE and a client extends in its
 * NTLMv2 response (MS-NLMP 2.2.2.1). Immutable; MsvAvEOL is implied, never stored.
 */
public final class TargetInfo {
    private static final TargetInfo EMPTY = new TargetInfo(List.of());

    private final List<AvPair> pairs;

    private TargetInfo(List<AvPair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static TargetInfo empty() {
        return EMPTY;
    }

    public static TargetInfo of(List<AvPair> pairs) {
        for (AvPair pair : pairs) {
            if (pair.id() == AvId.MSV_AV_EOL.id()) {
                throw new IllegalArgumentException("MsvAvEOL is implied and must not be listed");
            }
        }
        return new TargetInfo(pairs);
    }

    /** Reads AV pairs up to MsvAvEOL; bytes after it are ignored (the NTLMv2 blob pads with four zeros). */
    static TargetInfo read(NtlmReader reader, int start) {
        List<AvPair> pairs = new ArrayList<>();
        int offset = start;
        while (true) {
            int id = reader.uint16(offset);
            int length = reader.uint16(offset + 2);
            byte[] value = reader.bytes(offset + 4, length);
            int expected = AvId.of(id).map(AvId::fixedLength).orElse(-1);
            if (expected >= 0 && expected != length) {
                throw reader.malformed("AV pair " + id + " has length " + length + ", expected " + expected);
            }
            if (id == AvId.MSV_AV_EOL.id()) {
                return new TargetInfo(pairs);
            }
            pairs.add(new AvPair(id, value));
            offset += 4 + length;
        }
    }

    public static TargetInfo parse(byte[] encoded) {
        return read(new NtlmReader(encoded, "target info"), 0);
    }

    /** The encoded list, terminated by MsvAvEOL. */
    public byte[] toBytes() {
        NtlmWriter writer = new NtlmWriter();
        for (AvPair pair : pairs) {
            byte[] value = pair.value();
            writer.uint16(pair.id()).uint16(value.length).bytes(value);
        }
        return writer.uint16(AvId.MSV_AV_EOL.id()).uint16(0).toByteArray();
    }

    public List<AvPair> pairs() {
        return pairs;
    }

    public Optional<byte[]> value(AvId id) {
        return pairs.stream().filter(pair -> pair.id() == id.id()).findFirst().map(AvPair::value);
    }

    /** A UTF-16LE name (NbComputerName, DnsDomainName, TargetName ...). */
    public Optional<String> name(AvId id) {
        return value(id).map(value -> new NtlmReader(value, "AV pair " + id).utf16(value));
    }

    public Optional<FileTime> timestamp() {
        return value(AvId.MSV_AV_TIMESTAMP).map(value -> new FileTime(new NtlmReader(value, "MsvAvTimestamp").int64(0)));
    }

    /** MsvAvFlags, 0 when absent. */
    public int flags() {
        return value(AvId.MSV_AV_FLAGS).map(value -> new NtlmReader(value, "MsvAvFlags").int32(0)).orElse(0);
    }

    /** This list with {@code id} set to {@code value}: replaced in place if present, else appended. */
    public TargetInfo with(AvId id, byte[] value) {
        if (id == AvId.MSV_AV_EOL) {
            throw new IllegalArgumentException("MsvAvEOL is implied");
        }
        List<AvPair> result = new ArrayList<>(pairs);
        AvPair pair = new AvPair(id.id(), value);
        int index = indexOf(id);
        if (index >= 0) {
            result.set(index, pair);
        } else {
            result.add(pair);
        }
        return new TargetInfo(result);
    }

    public TargetInfo withName(AvId id, String name) {
        return with(id, NtlmWriter.utf16(name));
    }

    public TargetInfo withTimestamp(FileTime time) {
        return with(AvId.MSV_AV_TIMESTAMP, new NtlmWriter().int64(time.value()).toByteArray());
    }

    public TargetInfo withFlags(int flags) {
        return with(AvId.MSV_AV_FLAGS, new NtlmWriter().int32(flags).toByteArray());
    }

    private int indexOf(AvId id) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).id() == id.id()) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetInfo info && info.pairs.equals(pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    @Override
    public String toString() {
        return "TargetInfo" + pairs;
    }
}
