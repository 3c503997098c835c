package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CimDatetimeTest {
    @Test
    void xsAndDmtfDatetimes() {
        assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"), CimDatetime.instant("2026-11-23T10:15:30.123Z"));
        assertEquals(Instant.parse("2026-11-23T09:15:30Z"), CimDatetime.instant("2026-11-23T10:15:30+01:00"));
        assertEquals(Instant.parse("2026-11-23T09:15:30.000001Z"), CimDatetime.instant("20261123101530.000001+060"));
    }

    @Test
    void xsAndDmtfIntervals() {
        assertEquals(Duration.ofMillis(2500), CimDatetime.interval("P0DT0H0M2.500S"));
        assertEquals(Duration.ofMinutes(5), CimDatetime.interval("00000000000500.000000:000"));
        assertEquals(Duration.ofDays(1).plusHours(2), CimDatetime.interval("P1DT2H"));
        assertEquals(Duration.ofSeconds(60), CimDatetime.interval("PT60.000S"));
    }

    @Test
    void garbageIsAProtocolError() {
        assertThrows(ProtocolException.class, () -> CimDatetime.instant("yesterday"));
        assertThrows(ProtocolException.class, () -> CimDatetime.interval("P"));
        assertThrows(ProtocolException.class, () -> CimDatetime.interval("PT"));
    }
}
