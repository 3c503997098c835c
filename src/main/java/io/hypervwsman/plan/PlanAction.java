package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a plan does to a VM, named as the plan file writes it. */
public enum PlanAction implements Labelled {
    TEST_FAILOVER("test-failover"),
    STOP_TEST_FAILOVER("stop-test-failover"),
    /** Prepare on the primary, fail over on the replica, reverse replication, start. */
    PLANNED_FAILOVER("planned-failover"),
    /** Fail over on the replica (the primary is lost), start. */
    UNPLANNED_FAILOVER("unplanned-failover"),
    REVERT("revert"),
    COMMIT("commit");

    private final String label;

    PlanAction(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The action named {@code label}; the message lists the known names. */
    @JsonCreator
    public static PlanAction fromLabel(String label) {
        return Labelled.byLabel(PlanAction.class, label, "action");
    }
}
