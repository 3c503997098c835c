package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Optional;
import java.util.function.LongPredicate;

/** The VM's power state (Msvm_ComputerSystem.EnabledState) as evidence: what the power verbs change. */
public final class PowerStateEvidence implements Evidence<VirtualMachine> {
    private final LongPredicate target;

    private PowerStateEvidence(LongPredicate target) {
        this.target = target;
    }

    /** Took effect once EnabledState satisfies {@code target} (e.g. {@code s -> s == 2} for Running). */
    public static PowerStateEvidence when(LongPredicate target) {
        return new PowerStateEvidence(target);
    }

    /** "X is already Off" when the VM is already where this evidence looks for it: nothing to do. */
    public Optional<String> alreadyThere(VirtualMachine vm) {
        return target.test(vm.enabledState()) ? Optional.of(vm.name() + " is already " + vm.powerState())
                : Optional.empty();
    }

    @Override
    public DecidedBy decidedBy() {
        return DecidedBy.VM_STATE;
    }

    @Override
    public String label() {
        return "power state";
    }

    @Override
    public VirtualMachine before(VirtualMachine vm, Optional<Relationship> rel) {
        return vm;
    }

    @Override
    public VirtualMachine read(VerbContext host, VirtualMachine vm) {
        return host.vms().reread(vm);
    }

    @Override
    public boolean tookEffect(VirtualMachine before, VirtualMachine after) {
        return after != null && target.test(after.enabledState());
    }

    @Override
    public boolean unchangedMeansFailed(VirtualMachine unchanged) {
        return !target.test(unchanged.enabledState());
    }

    @Override
    public String describe(VirtualMachine reading) {
        return reading == null ? "none" : reading.powerState();
    }
}
