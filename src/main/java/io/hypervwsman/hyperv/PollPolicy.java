package io.hypervwsman.hyperv;

import java.time.Duration;

/**
 * How often to poll a job: quickly at first (most Replica jobs finish in seconds), then backing off by
 * a factor to a bounded interval so that long jobs cost at most about one request per {@code max}.
 * When the job's PercentComplete and ElapsedTime predict when it can end at the earliest, polls are spaced
 * up to {@code farFromFinish} apart until then, and {@code nearFinish} apart (backing off again by the factor
 * up to {@code max}) from then on: the end is seen soon after it happens, at fewer polls than the plain
 * backoff makes. A {@code nearFinish} of null turns prediction off.
 */
public record PollPolicy(Duration initial, double factor, Duration max, Duration nearFinish, Duration farFromFinish) {

    /** 100 ms ×1.5 up to 1 s; with a prediction, up to 2 s apart before the predicted end and 200 ms at it. */
    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofMillis(100), 1.5, Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(2));

    public PollPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1.0) {
            throw new IllegalArgumentException("poll policy needs 0 < initial <= max and factor >= 1");
        }
        if (nearFinish != null && (nearFinish.isNegative() || nearFinish.isZero() || nearFinish.compareTo(max) > 0
                || farFromFinish == null || farFromFinish.compareTo(nearFinish) < 0)) {
            throw new IllegalArgumentException("poll policy needs 0 < nearFinish <= max and nearFinish <= farFromFinish");
        }
    }

    /** Plain backoff, no prediction. */
    public PollPolicy(Duration initial, double factor, Duration max) {
        this(initial, factor, max, null, max);
    }

    Duration next(Duration current) {
        long nextMs = (long) Math.ceil(current.toMillis() * factor);
        return nextMs >= max.toMillis() ? max : Duration.ofMillis(nextMs);
    }

    /** A fresh schedule for following one job. */
    PollSchedule schedule() {
        return new PollSchedule(this);
    }
}
