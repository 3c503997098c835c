package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.hyperv.JobReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole truth about one operation: what was invoked where, what the host returned, the job's last known
 * state, how it ended, how that was decided, and what to do about a failure. Made only by its {@link Builder}.
 */
public final class OperationOutcome {
    private final Operation operation;
    private final String host;
    private final VmInfo vm;
    private final Long returnValue;
    private final JobReport job;
    private final Outcome outcome;
    private final DecidedBy decidedBy;
    private final String message;
    private final long durationMs;
    private final List<String> warnings;
    private final Hint hint;

    private OperationOutcome(Builder b) {
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.host = b.host;
        this.vm = b.vm;
        this.returnValue = b.returnValue;
        this.job = b.job;
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.decidedBy = Objects.requireNonNull(b.decidedBy, "decidedBy");
        this.message = Objects.requireNonNull(b.message, "message");
        this.durationMs = b.durationMs;
        this.warnings = List.copyOf(b.warnings);
        this.hint = b.hint;
    }

    public static Builder builder(Operation operation) {
        return new Builder(operation);
    }

    public Operation operation() {
        return operation;
    }

    /** The host as the caller named it. */
    public String host() {
        return host;
    }

    /** The VM acted on, or null (a job wait, or a VM that could not be resolved). */
    public VmInfo vm() {
        return vm;
    }

    /** The method's ReturnValue, or null if none was read. */
    public Long returnValue() {
        return returnValue;
    }

    /** The job as last read, or null. */
    public JobReport job() {
        return job;
    }

    public Outcome outcome() {
        return outcome;
    }

    public DecidedBy decidedBy() {
        return decidedBy;
    }

    /** One sentence saying what happened. */
    public String message() {
        return message;
    }

    public long durationMs() {
        return durationMs;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** What to do about a refusal, or null. */
    public Hint hint() {
        return hint;
    }

    /**
     * Whether the operation changed the host: true when it succeeded by an Invoke, false when nothing was invoked
     * (refused, nothing to do, dry run) or the host refused or failed it, null when that is not known (timed out,
     * unknown).
     */
    public Boolean changed() {
        return switch (outcome) {
            case SUCCEEDED -> decidedBy != DecidedBy.NOTHING_TO_DO && decidedBy != DecidedBy.DRY_RUN;
            case FAILED -> false;
            case TIMED_OUT, UNKNOWN -> null;
        };
    }

    @Override
    public String toString() {
        return operation.method() + " " + outcome.label() + " (" + decidedBy.label() + "): " + message;
    }

    /** The VM as the host names and identifies it. */
    public record VmInfo(String name, String id) {
    }

    /** The one way to make an outcome; operation, outcome, decidedBy and message are required. */
    public static final class Builder {
        private final Operation operation;
        private String host;
        private VmInfo vm;
        private Long returnValue;
        private JobReport job;
        private Outcome outcome;
        private DecidedBy decidedBy;
        private String message;
        private long durationMs;
        private final List<String> warnings = new ArrayList<>();
        private Hint hint;

        private Builder(Operation operation) {
            this.operation = operation;
        }

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        public Builder vm(VmInfo v) {
            this.vm = v;
            return this;
        }

        public Builder returnValue(Long rv) {
            this.returnValue = rv;
            return this;
        }

        public Builder job(JobReport j) {
            this.job = j;
            return this;
        }

        public Builder ended(Outcome o, DecidedBy by) {
            this.outcome = o;
            this.decidedBy = by;
            return this;
        }

        public Builder message(String m) {
            this.message = m;
            return this;
        }

        public Builder durationMs(long ms) {
            this.durationMs = ms;
            return this;
        }

        public Builder warnings(List<String> w) {
            this.warnings.addAll(w);
            return this;
        }

        public Builder hint(Hint h) {
            this.hint = h;
            return this;
        }

        public OperationOutcome build() {
            return new OperationOutcome(this);
        }
    }
}
