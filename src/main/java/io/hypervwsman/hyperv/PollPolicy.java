package io.hypervwsman.hyperv;

import java.time.Duration;

/**
 * How often to poll a job: quickly at first (most Replica jobs finish in seconds), then backing off by
 * a factor to a bounded interval so that long jobs cost at most about one request per {@code max}.
 */
public record PollPolicy(Duration initial, double factor, Duration max) {

    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofMillis(100), 1.5, Duration.ofSeconds(1));

    public PollPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1.0) {
            throw new IllegalArgumentException("poll policy needs 0 < initial <= max and factor >= 1");
        }
    }

    Duration next(Duration current) {
        long nextMs = (long) Math.ceil(current.toMillis() * factor);
        return nextMs >= max.toMillis() ? max : Duration.ofMillis(nextMs);
    }
}
