package io.hypervwsman.hyperv.replica;

import java.util.Objects;

/**
 * What an outcome is about, named in reports by the WMI method invoked. Open on purpose: a verb names its own with
 * {@link #of(String)} in its own file, so adding a verb touches nothing here.
 */
public final class Operation {
    public static final Operation REVERT_FAILOVER = of("RevertFailover");
    public static final Operation INITIATE_FAILOVER = of("InitiateFailover");
    public static final Operation COMMIT_FAILOVER = of("CommitFailover");
    public static final Operation TEST_FAILOVER = of("TestReplicaSystem");
    public static final Operation STOP_TEST_FAILOVER = of("DestroySystem");
    public static final Operation PREPARE_PLANNED_FAILOVER = of("RequestReplicationStateChangeEx");
    public static final Operation REVERSE_REPLICATION = of("ReverseReplicationRelationship");
    public static final Operation RESYNCHRONIZE = of("Resynchronize");
    /** Waiting for a job named by its InstanceID (no VM, no Invoke). */
    public static final Operation WAIT_FOR_JOB = of("WaitForJob");

    private final String method;

    private Operation(String method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /** The operation that invokes {@code method}. */
    public static Operation of(String method) {
        return new Operation(method);
    }

    /** The WMI method invoked, as the reports name the operation. */
    public String method() {
        return method;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && other.method.equals(method);
    }

    @Override
    public int hashCode() {
        return method.hashCode();
    }

    @Override
    public String toString() {
        return method;
    }
}
