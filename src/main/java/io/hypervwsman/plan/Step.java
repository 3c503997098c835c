package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A group's pre- or post-step, told apart by its one key: {@code run} (a local command), {@code check} (a
 * WS-Man check of the group's VMs) or {@code manual} (pause until an operator confirms).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(CommandStep.class), @JsonSubTypes.Type(CheckStep.class),
        @JsonSubTypes.Type(ManualStep.class)})
public sealed interface Step permits CommandStep, CheckStep, ManualStep {

    /** How the journal and the report name this step. */
    String describe();
}
