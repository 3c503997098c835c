package io.hypervwsman.transport.auth.ntlm.internal;

import java.time.Instant;

/** A Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC (MS-DTYP 2.3.3). */
public record FileTime(long value) {
    private static final long SECONDS_FROM_1601_TO_1970 = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    public static FileTime of(Instant instant) {
        return new FileTime((instant.getEpochSecond() + SECONDS_FROM_1601_TO_1970) * TICKS_PER_SECOND
                + instant.getNano() / 100);
    }

    public Instant toInstant() {
        long seconds = Math.floorDiv(value, TICKS_PER_SECOND) - SECONDS_FROM_1601_TO_1970;
        return Instant.ofEpochSecond(seconds, Math.floorMod(value, TICKS_PER_SECOND) * 100);
    }
}
