package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.JobState;
import io.hypervwsman.hyperv.JobTracker;
import io.hypervwsman.hyperv.ReturnValues;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.WsManClient;
import java.util.Optional;

/** Brings a VM to the power state a verb needs before its Invoke (RequestStateChange(3), followed to its end). */
final class PowerOff {
    private final WsManClient client;
    private final VirtualMachines vms;
    private final JobTracker tracker;

    PowerOff(WsManClient client, VirtualMachines vms, JobTracker tracker) {
        this.client = client;
        this.vms = vms;
        this.tracker = tracker;
    }

    /** Turns the VM off if the verb needs it and the options allow it; refuses when they do not. */
    void asNeeded(ReplicaVerb.Power need, VirtualMachine vm, OperationRun run) {
        boolean on = vm.isRunningOrPaused() || need == ReplicaVerb.Power.OFF && vm.enabledState() == 6;
        boolean skipped = need == ReplicaVerb.Power.OFF_IF_ALLOWED && run.options().force();
        if (need == ReplicaVerb.Power.ANY || !on || skipped) {
            return;
        }
        String method = run.operation().method();
        if (need == ReplicaVerb.Power.OFF_IF_ALLOWED && !run.options().turnOff()) {
            throw new OperationFailedException(vm.name() + " is " + vm.powerState() + "; " + method
                    + " needs it turned off", Hint.of(Hint.Kind.TURN_OFF_FIRST, vm.name()));
        }
        if (run.options().dryRun()) {
            run.warn("would turn " + vm.name() + " off first (it is " + vm.powerState() + ")");
            return;
        }
        turnOff(vm, run);
        run.warn(vm.name() + " was turned off before " + method);
    }

    private void turnOff(VirtualMachine vm, OperationRun run) {
        run.listener().beforeInvoke("RequestStateChange");
        MethodOutput out = client.invoke(vm.reference(), "RequestStateChange",
                MethodInput.create().add("RequestedState", 3));
        long rv = out.returnValue();
        run.listener().invoked("RequestStateChange", out.reference("Job").map(j -> j.selectors().get("InstanceID"))
                .orElse(null));
        if (rv == ReturnValues.JOB_STARTED) {
            EndpointReference job = out.reference("Job").orElseThrow(() -> new OperationFailedException(
                    "turning " + vm.name() + " off started a job the host did not name"));
            JobTracker.Result r = tracker.follow(job, run.deadline(), run.listener());
            if (r.ending() == JobTracker.Ending.FINISHED && !JobState.isSuccess(r.last().jobState())) {
                throw new OperationFailedException("turning " + vm.name() + " off failed: " + r.last().state()
                        + " " + Optional.ofNullable(r.last().errorDescription()).orElse(""));
            }
        } else if (rv != ReturnValues.COMPLETED) {
            throw new OperationFailedException("turning " + vm.name() + " off failed: " + ReturnValues.meaning(rv)
                    + " (" + rv + ")");
        }
        VirtualMachine again = vms.reread(vm);
        if (again.enabledState() != 3) {
            throw new OperationFailedException(vm.name() + " is still " + again.powerState()
                    + " after turning it off");
        }
    }
}
