package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a plan does when a VM or a group step fails. */
public enum FailurePolicy implements Labelled {
    /** Start nothing more: running VMs finish, later VMs, post-steps and groups are not run. */
    STOP("stop"),
    /** Abandon the rest of the failing group (its unstarted VMs and post-steps), go on with the next group. */
    SKIP_GROUP("skip-group"),
    /** Record the failure and go on as if it had succeeded. */
    CONTINUE("continue");

    private final String label;

    FailurePolicy(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The policy named {@code label}. */
    @JsonCreator
    public static FailurePolicy fromLabel(String label) {
        return Labelled.byLabel(FailurePolicy.class, label, "failure policy");
    }
}
