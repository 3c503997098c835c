package io.hypervwsman.hyperv;

import java.util.List;

/**
 * The whole truth about one operation: what was invoked where, what the host returned, the job's last
 * known state, how it ended, and how that was decided ("job", "return-value", "replication-state",
 * "dry-run", or "none" when it could not be decided). The CLI's JSON is made from this.
 */
public record OperationOutcome(String operation, String host, VmInfo vm, Long returnValue, JobReport job,
                               Outcome outcome, String decidedBy, String message, long durationMs,
                               List<String> warnings) {

    public OperationOutcome {
        warnings = List.copyOf(warnings);
    }

    /** The VM as the operator named it and as the host identifies it. */
    public record VmInfo(String name, String id) {
    }
}
