package io.hypervwsman.plan;

/**
 * What a {@link VmAction} tells the plan's journal while it works on one VM. Each call is written and flushed
 * to disk before it returns, so a plan killed at any moment knows which Invokes may have reached a host.
 */
public interface InvokeJournal {

    /** The VM enters a phase of its timeline: "checks", "invoke", "job", "start", "heartbeat". */
    void phase(String phase);

    /**
     * Before the first Invoke of an action that spans two hosts (planned failover): the plan hosts of its primary and
     * its replica, so that a resume works on the same hosts however far the action got.
     */
    void hosts(String primary, String replica);

    /** Call immediately BEFORE sending the Invoke {@code method}; a resume treats it as possibly sent. */
    void beforeInvoke(String method);

    /** The host answered {@code method}; {@code job} is its job's InstanceID (null when it finished at once). */
    void invoked(String method, String job);
}
