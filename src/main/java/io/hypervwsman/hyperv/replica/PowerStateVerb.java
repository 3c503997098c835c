package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Optional;

/**
 * What the power verbs (start-vm, stop-vm, turn-off) share: no replication check, decided by the VM's power state,
 * and nothing to do when the VM already shows the state they bring it to.
 */
abstract class PowerStateVerb implements ReplicaVerb {
    private final Operation operation;
    private final PowerStateEvidence evidence;

    PowerStateVerb(Operation operation, PowerStateEvidence evidence) {
        this.operation = operation;
        this.evidence = evidence;
    }

    @Override
    public final Operation operation() {
        return operation;
    }

    @Override
    public final boolean checksReplication() {
        return false;
    }

    @Override
    public final Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return evidence.alreadyThere(vm);
    }

    @Override
    public final Evidence<?> evidence() {
        return evidence;
    }
}
