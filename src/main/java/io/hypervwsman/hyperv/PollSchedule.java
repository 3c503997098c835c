package io.hypervwsman.hyperv;

import java.time.Duration;
import java.util.Optional;

/**
 * The waits between the polls of one job under a {@link PollPolicy}: the plain backoff while nothing
 * predicts the job's end; until the predicted earliest end, one wait up to it (at most farFromFinish); from
 * then on nearFinish, growing by the factor to max, so that a PercentComplete that stalls (e.g. at 99 %)
 * costs no more polls than the plain backoff.
 */
final class PollSchedule {
    private final PollPolicy policy;
    private Duration backoff;
    private Duration nearEnd;

    PollSchedule(PollPolicy policy) {
        this.policy = policy;
    }

    /** The wait after a poll; {@code earliestEnd} is how long the job needs at least, if that can be told. */
    Duration next(Optional<Duration> earliestEnd) {
        if (policy.nearFinish() == null || earliestEnd.isEmpty()) {
            nearEnd = null;
            backoff = backoff == null ? policy.initial() : policy.next(backoff);
            return backoff;
        }
        Duration earliest = earliestEnd.get();
        if (earliest.compareTo(policy.nearFinish()) > 0) {
            nearEnd = null;
            backoff = policy.max();
            return earliest.compareTo(policy.farFromFinish()) < 0 ? earliest : policy.farFromFinish();
        }
        nearEnd = nearEnd == null ? policy.nearFinish() : policy.next(nearEnd);
        return nearEnd;
    }

    /**
     * The least time the job still needs, from how long it has run and its PercentComplete. Hyper-V reports
     * whole percents, truncated, so the job may be up to one percent further on than it says: the earliest
     * end is elapsed × (99 − p) / p from now. Nothing is predicted at 0 % (no rate yet) or from 100 %.
     */
    static Optional<Duration> earliestEnd(Duration elapsed, Long percentComplete) {
        if (elapsed == null || percentComplete == null || percentComplete <= 0 || percentComplete >= 100
                || elapsed.isNegative() || elapsed.isZero()) {
            return Optional.empty();
        }
        long p = percentComplete;
        return Optional.of(Duration.ofMillis(elapsed.toMillis() * (99 - p) / p));
    }
}
