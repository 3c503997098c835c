package io.hypervwsman.hyperv;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;

/** No VM on the host has the name or GUID the caller gave. */
public class VmNotFoundException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final String vm;

    public VmNotFoundException(String message, String vm, Hint hint) {
        super(message, hint);
        this.vm = vm;
    }

    /** The name or GUID as given. */
    public String vm() {
        return vm;
    }
}
