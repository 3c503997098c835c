package io.hypervwsman.plan;

/**
 * The seam between a plan and the Replica operation engine: runs one VM's action (resolve, check, invoke
 * once, follow the job, start, wait for heartbeat) and reports its outcome. Called from several threads at
 * once, one call per VM; implementations must call {@link InvokeJournal#beforeInvoke} before every Invoke.
 */
public interface VmAction {

    /** Runs {@code vm}'s action from the start. */
    VmResult run(PlannedVm vm, InvokeJournal journal) throws InterruptedException;

    /**
     * Finishes {@code vm}'s action after an interruption. Every Invoke that {@code history} says may have been
     * sent is decided from its job or the VM's state and never sent again; later steps run as usual.
     */
    VmResult resume(PlannedVm vm, VmHistory history, InvokeJournal journal) throws InterruptedException;
}
