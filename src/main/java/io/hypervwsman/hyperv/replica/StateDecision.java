package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.JobReport;

/**
 * Decides an outcome from what the host shows when the job cannot say (the reply to the Invoke, or the job, was
 * lost): a VM's state for a verb on a VM ({@link EvidenceDecision}), the host's settings read back for a verb on the
 * host ({@link HostStateDecision}). Never guesses "failed".
 */
interface StateDecision {

    /** @param jobEnded the job is known to have ended (it vanished), so what the host shows will not change any more */
    OperationOutcome decide(OperationRun run, String why, boolean jobEnded, JobReport job);
}
