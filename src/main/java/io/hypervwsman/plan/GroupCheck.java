package io.hypervwsman.plan;

import java.util.List;

/** The seam for {@link CheckStep}s: asks the hosts (through WS-Man) whether each VM meets the condition. */
public interface GroupCheck {

    StepResult check(CheckStep step, List<PlannedVm> vms) throws InterruptedException;
}
