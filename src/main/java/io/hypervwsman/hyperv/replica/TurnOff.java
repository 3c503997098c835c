package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Set;

/**
 * Stop-VM -TurnOff: Msvm_ComputerSystem.RequestStateChange(3), the hard power-off (unsaved guest data is lost),
 * from Running, ShuttingDown, Saved or Paused.
 */
public final class TurnOff extends PowerStateVerb {
    private static final Operation OPERATION = Operation.of("RequestStateChange", "turn-off");
    private static final long OFF = 3;
    private static final PowerStateEvidence EVIDENCE = PowerStateEvidence.when(s -> s == OFF);
    private static final Set<Long> FROM = Set.of(2L, 4L, 6L, 9L);

    /** Turns the VM off, from Running, ShuttingDown, Saved or Paused. */
    public TurnOff() {
        super(OPERATION, EVIDENCE);
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        if (!FROM.contains(vm.enabledState())) {
            throw new OperationFailedException(vm.name() + " is " + vm.powerState() + "; it can be turned off only"
                    + " from Running, ShuttingDown, Saved or Paused");
        }
        return new Invocation(vm.reference(), MethodInput.create().add("RequestedState", OFF),
                ", from " + vm.powerState() + " to Off (turned off)");
    }
}
