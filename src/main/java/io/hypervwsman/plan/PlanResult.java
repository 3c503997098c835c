package io.hypervwsman.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a plan run ended.
 *
 * @param vms          every VM's result by {@link PlannedVm#key()}, in plan order ({@link VmOutcome#NOT_RUN} for
 *                     those the failure policy kept back)
 * @param stepFailures the pre/post steps that failed, "group: step: message"
 * @param stopped      the failure policy stopped the plan before its end
 */
public record PlanResult(Map<String, VmResult> vms, List<String> stepFailures, boolean stopped) {

    public PlanResult {
        vms = Collections.unmodifiableMap(new LinkedHashMap<>(vms));
        stepFailures = List.copyOf(stepFailures);
    }

    /** Every VM succeeded and every step passed. */
    public boolean succeeded() {
        return !stopped && stepFailures.isEmpty()
                && vms.values().stream().allMatch(r -> r.outcome() == VmOutcome.SUCCEEDED);
    }
}
