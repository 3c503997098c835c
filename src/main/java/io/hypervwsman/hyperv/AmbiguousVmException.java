package io.hypervwsman.hyperv;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import java.util.List;

/** Several VMs on the host have the name the caller gave; {@link #candidates()} lists them. */
public class AmbiguousVmException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final transient List<VirtualMachine> candidates;

    public AmbiguousVmException(String message, List<VirtualMachine> candidates) {
        super(message, Hint.of(Hint.Kind.NAME_VM_BY_ID));
        this.candidates = List.copyOf(candidates);
    }

    /** The VMs that have the name. */
    public List<VirtualMachine> candidates() {
        return candidates;
    }
}
