package io.hypervwsman.hyperv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a VM's guest heartbeat to be OK: reads its Msvm_HeartbeatComponent, then again after waits that grow
 * from 1 s by half each time up to 10 s, until OK or the timeout. A guest takes tens of seconds to boot, so
 * polling faster buys nothing; the clock and the waits are injected so tests advance simulated time instead.
 */
public final class HeartbeatWait {
    /** The waits between reads of the heartbeat. */
    public static final PollPolicy POLL = new PollPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(10));

    private final VirtualMachines vms;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PollPolicy poll;

    public HeartbeatWait(VirtualMachines vms, Clock clock, Sleeper sleeper) {
        this(vms, clock, sleeper, POLL);
    }

    public HeartbeatWait(VirtualMachines vms, Clock clock, Sleeper sleeper, PollPolicy poll) {
        this.vms = vms;
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
    }

    /**
     * How the wait ended.
     *
     * @param ok        the heartbeat was OK before the timeout
     * @param last      the last heartbeat read
     * @param waited    how long the wait took
     * @param reads     how many times the heartbeat was read
     */
    public record Result(boolean ok, Heartbeat last, Duration waited, int reads) {
        /** One line for a report: "heartbeat OK after 12 s" or "no OK heartbeat within 5m: ...". */
        public String describe(Duration timeout) {
            return ok ? "heartbeat " + last.describe() + " after " + waited.toSeconds() + " s"
                    : "no OK heartbeat within " + timeout.toSeconds() + " s (last: " + last.describe() + ")";
        }
    }

    /** Reads {@code vm}'s heartbeat until it is OK or {@code timeout} has passed; at least one read. */
    public Result await(VirtualMachine vm, Duration timeout) throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration wait = null;
        int reads = 0;
        while (true) {
            Heartbeat h = vms.heartbeat(vm);
            reads++;
            Instant now = clock.instant();
            if (h.ok() || !now.isBefore(deadline)) {
                return new Result(h.ok(), h, Duration.between(start, now), reads);
            }
            wait = wait == null ? poll.initial() : poll.next(wait);
            Duration left = Duration.between(now, deadline);
            sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
        }
    }
}
