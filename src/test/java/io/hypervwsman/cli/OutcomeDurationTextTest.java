package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The summary line's duration reads as "%.1f s" of the milliseconds would, written without a Formatter. */
class OutcomeDurationTextTest {

    @Test
    void durationsReadAsTenthsOfASecondRoundedHalfUp() {
        assertEquals("0.0 s", OutcomeReport.seconds(0));
        assertEquals("0.0 s", OutcomeReport.seconds(49));
        assertEquals("0.1 s", OutcomeReport.seconds(50));
        assertEquals("1.1 s", OutcomeReport.seconds(1050));
        assertEquals("12.3 s", OutcomeReport.seconds(12_345));
        assertEquals("3600.0 s", OutcomeReport.seconds(3_599_999));
    }

    @Test
    void everyDurationUpToAnHourAgreesWithTheFormatter() {
        for (long ms = 0; ms <= 3_600_000; ms += 7) {
            assertEquals(String.format(Locale.ROOT, "%.1f s", ms / 1000.0), OutcomeReport.seconds(ms), "ms=" + ms);
        }
    }
}
