package io.hypervwsman.wsman;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the two shapes CIM time values take on the wire: {@code cim:Datetime} (xs:dateTime, or the DMTF
 * form {@code yyyymmddHHMMSS.mmmmmmsUUU}) and {@code cim:Interval} (xs:duration, or the DMTF form
 * {@code ddddddddHHMMSS.mmmmmm:000}).
 */
public final class CimDatetime {
    private static final Pattern DMTF_DATETIME =
            Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6})([+-])(\\d{3})");
    private static final Pattern DMTF_INTERVAL =
            Pattern.compile("(\\d{8})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6}):000");
    private static final Pattern XS_DURATION = Pattern.compile(
            "(-)?P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

    private CimDatetime() {
    }

    /** A point in time. */
    public static Instant instant(String value) {
        String v = value.trim();
        Matcher m = DMTF_DATETIME.matcher(v);
        if (m.matches()) {
            LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6),
                    num(m, 7) * 1000);
            int minutes = num(m, 9) * ("-".equals(m.group(8)) ? -1 : 1);
            return local.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new ProtocolException("not a CIM datetime: " + shorten(v));
            }
        }
    }

    /** A time interval. Years and months (never used by WMI intervals) count as 365 and 30 days. */
    public static Duration interval(String value) {
        String v = value.trim();
        Matcher d = DMTF_INTERVAL.matcher(v);
        if (d.matches()) {
            return Duration.ofDays(Long.parseLong(d.group(1))).plusHours(num(d, 2)).plusMinutes(num(d, 3))
                    .plusSeconds(num(d, 4)).plusNanos(num(d, 5) * 1000L);
        }
        Matcher x = XS_DURATION.matcher(v);
        if (!x.matches() || v.endsWith("T") || "P".equals(v) || "-P".equals(v)) {
            throw new ProtocolException("not a CIM interval: " + shorten(v));
        }
        Duration r = Duration.ofDays(365L * opt(x, 2) + 30L * opt(x, 3) + opt(x, 4))
                .plusHours(opt(x, 5)).plusMinutes(opt(x, 6));
        if (x.group(7) != null) {
            r = r.plusNanos(new java.math.BigDecimal(x.group(7)).movePointRight(9).longValueExact());
        }
        return x.group(1) != null ? r.negated() : r;
    }

    private static int num(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static long opt(Matcher m, int g) {
        return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
