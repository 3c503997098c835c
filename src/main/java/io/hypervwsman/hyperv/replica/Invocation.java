package io.hypervwsman.hyperv.replica;

import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodInput;

/**
 * The one Invoke a verb asks for, ready to send: the instance the method is called on, the method (null: the
 * verb's {@link Operation}), its arguments, and what it will do in words (", from recovery point X"; empty if
 * nothing to add). The engine sends it, once.
 */
public record Invocation(EndpointReference target, String method, MethodInput input, String detail) {

    /** The verb's own method. */
    public Invocation(EndpointReference target, MethodInput input, String detail) {
        this(target, null, input, detail);
    }
}
