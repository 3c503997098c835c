package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A condition a {@link CheckStep} asks of each VM of its group. */
public enum CheckKind implements Labelled {
    /** The guest's heartbeat integration service reports OK. */
    HEARTBEAT("heartbeat"),
    /** The VM is running (EnabledState 2). */
    RUNNING("running"),
    /** The VM's replication health is Normal. */
    REPLICATION_HEALTHY("replication-healthy");

    private final String label;

    CheckKind(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The check named {@code label}. */
    @JsonCreator
    public static CheckKind fromLabel(String label) {
        return Labelled.byLabel(CheckKind.class, label, "check");
    }
}
