package io.hypervwsman;

import java.util.Objects;

/**
 * What the caller can do about a failure: a kind, and the name it concerns (a VM or a host), or null. The library
 * words it for programs ({@link #toString()}); the CLI words it in its own flags.
 *
 * @param kind    what to do
 * @param subject the VM or host it concerns, or null
 */
public record Hint(Kind kind, String subject) {

    /** The remedies the library knows, each with its words for API users. */
    public enum Kind {
        /** The named VM does not exist: list the host's VMs. */
        LIST_VMS("list the VMs of %s with HyperVHost.vms().list()"),
        /** Several VMs share the name: name one by its GUID. */
        NAME_VM_BY_ID("name the one you mean by its GUID: VmRef.of(\"<GUID>\")"),
        /** The recovery point is unknown: use the latest or one the message lists. */
        CHOOSE_RECOVERY_POINT("pass null or \"latest\" as the recovery point, or one of the names above"),
        /** Several recovery points share the name: name one by its InstanceID. */
        NAME_RECOVERY_POINT_BY_ID("name the one you mean by its InstanceID: Microsoft:<GUID>"),
        /** Reverse replication has no server to replicate to: name one. */
        NAME_REPLICA_SERVER("name it in ReverseOptions.replicaServer"),
        /** The failover of the VM is not committed yet: commit or revert it first, or force. */
        COMMIT_OR_REVERT_FIRST("commit the failover of %s first (commitFailover), or revert it, or set"
                + " OperationOptions.withForce(true)"),
        /** The VM is a test VM: end the test failover on its replica instead. */
        STOP_TEST_FAILOVER_ON_REPLICA("end it with stopTestFailover on its replica"),
        /** The VM must be off for this operation: let the operation turn it off. */
        TURN_OFF_FIRST("set OperationOptions.withTurnOff(true) to turn it off first"),
        /** A committed failover cannot be reverted: reverse replication and fail over back. */
        REVERSE_AND_FAIL_BACK("to return to the original primary, reverse replication (Set-VMReplication -Reverse)"
                + " and fail over back"),
        /** Failover verbs run on the replica server (the subject, when known), not on the primary's host. */
        RUN_ON_REPLICA_SERVER("connect to the replica server (%s) and run it there"),
        /** The host has no Replica service: check the host's role. */
        CHECK_REPLICA_ROLE("is this a Hyper-V host with the Replica role configured?"),
        /** The host's certificate is not trusted: give its CA. */
        TRUST_HOST_CA("trust the host's CA with ConnectionOptions trust material"),
        /** The operation needs HTTPS. */
        USE_HTTPS("use an https:// endpoint"),
        /** Basic authentication needs HTTPS; Negotiate works over HTTP. */
        USE_HTTPS_OR_NEGOTIATE("use an https:// endpoint, or AuthMode.NEGOTIATE"),
        /** Certificate authentication needs a client certificate. */
        GIVE_CLIENT_CERTIFICATE("give a client certificate in ConnectionOptions"),
        /** Certificate authentication of a Replica server needs the thumbprint of a certificate on the host. */
        GIVE_CERTIFICATE_THUMBPRINT("give the thumbprint of a certificate in the Personal store of %s"),
        /** A Replica server needs an allowed authentication type. */
        NAME_AUTHENTICATION_TYPE("name the allowed authentication type (1 Kerberos, 2 certificate, 3 both)"),
        /** The primary server (the subject) already has another authorization entry: change that one. */
        CHANGE_AUTHORIZATION_ENTRY("change the entry for %s with ModifyAuthorizationEntry instead"),
        /** Authorization entries for named servers stand in the way of allowing any server: remove them first. */
        REMOVE_AUTHORIZATION_ENTRIES("remove the authorization entries for named servers first"),
        /** A default storage location belongs to the "*" entry: allow any server with it. */
        ALLOW_ANY_SERVER("allow any server (ReplicaServerChange allowAnyServer true) with the default storage"),
        /** A keytab login needs the principal to log in as. */
        GIVE_PRINCIPAL("give the user (principal) to log in as");

        private final String apiWords;

        Kind(String apiWords) {
            this.apiWords = apiWords;
        }
    }

    public Hint {
        Objects.requireNonNull(kind, "kind");
    }

    public static Hint of(Kind kind) {
        return new Hint(kind, null);
    }

    public static Hint of(Kind kind, String subject) {
        return new Hint(kind, subject);
    }

    /** The hint in API words. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, kind.apiWords, subject == null ? "the host" : subject);
    }
}
