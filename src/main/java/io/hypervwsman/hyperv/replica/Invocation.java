package io.hypervwsman.hyperv.replica;

import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodInput;

/**
 * The one Invoke a verb asks for, ready to send: the instance the method is called on, its arguments, and what
 * it will do in words (", from recovery point X"; empty if nothing to add). The engine sends it, once.
 */
public record Invocation(EndpointReference target, MethodInput input, String detail) {
}
