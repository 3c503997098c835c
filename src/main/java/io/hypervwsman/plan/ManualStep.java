package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Pauses the plan until an operator confirms {@code manual}, e.g. "DNS now points at the DR site". */
public record ManualStep(String manual) implements Step {

    @JsonCreator
    public ManualStep(@JsonProperty(value = "manual", required = true) String manual) {
        if (manual == null || manual.isBlank()) {
            throw new IllegalArgumentException("'manual' needs the instruction the operator confirms");
        }
        this.manual = manual;
    }

    @Override
    public String describe() {
        return "manual: " + manual;
    }
}
