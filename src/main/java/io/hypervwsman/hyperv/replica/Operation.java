package io.hypervwsman.hyperv.replica;

import java.util.Objects;

/**
 * What an outcome is about: the command the operator asked for ({@link #command()}, what messages say) and the WMI
 * method invoked ({@link #method()}, for --verbose and JSON "wmiMethod"). Open on purpose: a verb names its own with
 * {@link #of(String, String)} in its own file, so adding a verb touches nothing here.
 */
public final class Operation {
    public static final Operation REVERT_FAILOVER = of("RevertFailover", "revert-failover");
    public static final Operation INITIATE_FAILOVER = of("InitiateFailover", "initiate-failover");
    public static final Operation COMMIT_FAILOVER = of("CommitFailover", "commit-failover");
    public static final Operation TEST_FAILOVER = of("TestReplicaSystem", "test-failover");
    public static final Operation STOP_TEST_FAILOVER = of("DestroySystem", "stop-test-failover");
    public static final Operation PREPARE_PLANNED_FAILOVER = of("RequestReplicationStateChangeEx",
            "prepare-planned-failover");
    public static final Operation REVERSE_REPLICATION = of("ReverseReplicationRelationship", "reverse-replication");
    public static final Operation RESYNCHRONIZE = of("Resynchronize", "resynchronize");
    /** Waiting for a job named by its InstanceID (no VM, no Invoke). */
    public static final Operation WAIT_FOR_JOB = of("WaitForJob", "job wait");

    private final String method;
    private final String command;

    private Operation(String method, String command) {
        this.method = Objects.requireNonNull(method, "method");
        this.command = command == null ? method : command;
    }

    /** The operation that invokes {@code method}, named by it in messages too. */
    public static Operation of(String method) {
        return new Operation(method, null);
    }

    /** The operation {@code command} (e.g. "revert-failover") that invokes {@code method}. */
    public static Operation of(String method, String command) {
        return new Operation(method, command);
    }

    /** The WMI method invoked: for --verbose and the JSON "wmiMethod", never a message. */
    public String method() {
        return method;
    }

    /** What the operator asked for, e.g. "revert-failover": what messages say. */
    public String command() {
        return command;
    }

    /** The same command invoking another method (stop-vm turning off without the shutdown component). */
    Operation invoking(String otherMethod) {
        return new Operation(otherMethod, command);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && other.method.equals(method) && other.command.equals(command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, command);
    }

    @Override
    public String toString() {
        return command;
    }
}
