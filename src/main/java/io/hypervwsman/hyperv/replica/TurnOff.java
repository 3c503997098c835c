package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;
import java.util.Set;

/**
 * Stop-VM -TurnOff: Msvm_ComputerSystem.RequestStateChange(3), the hard power-off (unsaved guest data is lost),
 * from Running, ShuttingDown, Saved or Paused.
 */
public final class TurnOff implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("RequestStateChange");
    private static final long OFF = 3;
    private static final PowerStateEvidence EVIDENCE = PowerStateEvidence.when(s -> s == OFF);
    private static final Set<Long> FROM = Set.of(2L, 4L, 6L, 9L);

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public boolean checksReplication() {
        return false;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return EVIDENCE.alreadyThere(vm);
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

    @Override
    public Evidence<?> evidence() {
        return EVIDENCE;
    }
}
