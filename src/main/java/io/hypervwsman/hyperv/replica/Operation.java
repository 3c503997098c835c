package io.hypervwsman.hyperv.replica;

/** What an outcome is about, named in reports by the WMI method invoked. */
public enum Operation {
    REVERT_FAILOVER("RevertFailover"),
    INITIATE_FAILOVER("InitiateFailover"),
    COMMIT_FAILOVER("CommitFailover"),
    TEST_FAILOVER("TestReplicaSystem"),
    STOP_TEST_FAILOVER("DestroySystem"),
    PREPARE_PLANNED_FAILOVER("RequestReplicationStateChangeEx"),
    REVERSE_REPLICATION("ReverseReplicationRelationship"),
    RESYNCHRONIZE("Resynchronize"),
    /** Waiting for a job named by its InstanceID (no VM, no Invoke). */
    WAIT_FOR_JOB("WaitForJob");

    private final String method;

    Operation(String method) {
        this.method = method;
    }

    /** The WMI method invoked, as the reports name the operation. */
    public String method() {
        return method;
    }
}
