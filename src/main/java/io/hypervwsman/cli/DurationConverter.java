package io.hypervwsman.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as operators write them: 30m, 90s, 1h, 1h30m, 500ms, or ISO-8601 (PT30M). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 30m, 90s, 1h30m)");
            }
        }
        Matcher m = PART.matcher(v);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = switch (m.group(2)) {
                case "h" -> total.plusHours(n);
                case "m" -> total.plusMinutes(n);
                case "s" -> total.plusSeconds(n);
                default -> total.plusMillis(n);
            };
            end = m.end();
        }
        if (end == 0 || end != v.length()) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 30m, 90s, 1h30m)");
        }
        return positive(total, value);
    }

    /**
     * A duration in the words this converter reads back (e.g. 1h30m, 90s, 250ms; "0s" for zero, a leading "-" when
     * negative); null for null. The CLI's one duration formatter: hints, pre-check ages.
     */
    static String words(Duration d) {
        if (d == null) {
            return null;
        }
        if (d.isNegative()) {
            return "-" + words(d.negated());
        }
        StringBuilder b = new StringBuilder();
        part(b, d.toHours(), "h");
        part(b, d.toMinutesPart(), "m");
        part(b, d.toSecondsPart(), "s");
        part(b, d.toMillisPart(), "ms");
        return b.length() == 0 ? "0s" : b.toString();
    }

    private static void part(StringBuilder b, long n, String unit) {
        if (n > 0) {
            b.append(n).append(unit);
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return d;
    }
}
