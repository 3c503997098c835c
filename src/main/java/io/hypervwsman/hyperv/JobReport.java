package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.CimInstance;
import java.util.List;

/** What a Msvm_ConcreteJob said the last time it was read, plus the GetErrorEx messages of a failed job. */
public record JobReport(String instanceId, long jobState, String state, Long percentComplete, long errorCode,
                        String errorSummary, String errorDescription, List<String> errors) {

    public JobReport {
        errors = List.copyOf(errors);
    }

    static JobReport from(CimInstance job) {
        long state = job.number("JobState").orElse(0L);
        return new JobReport(job.string("InstanceID").orElse(null), state, JobState.name(state),
                job.number("PercentComplete").orElse(null), job.number("ErrorCode").orElse(0L),
                job.string("ErrorSummaryDescription").orElse(null), job.string("ErrorDescription").orElse(null),
                List.of());
    }

    JobReport withErrors(List<String> messages) {
        return new JobReport(instanceId, jobState, state, percentComplete, errorCode, errorSummary, errorDescription,
                messages);
    }
}
