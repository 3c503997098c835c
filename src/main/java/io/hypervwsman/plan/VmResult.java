package io.hypervwsman.plan;

/**
 * What a {@link VmAction} reports for one VM.
 *
 * @param outcome       how it ended
 * @param message       what the host said (its error text on failure), for the journal and drill report
 * @param recoveryPoint the recovery point used, as the report shows it (name and creation time); null if none
 */
public record VmResult(VmOutcome outcome, String message, String recoveryPoint) {

    public static VmResult succeeded(String message, String recoveryPoint) {
        return new VmResult(VmOutcome.SUCCEEDED, message, recoveryPoint);
    }

    public static VmResult failed(String message) {
        return new VmResult(VmOutcome.FAILED, message, null);
    }
}
