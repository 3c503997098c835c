package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Checks every VM of the group through WS-Man, e.g. that its guest heartbeat is OK.
 *
 * @param check   what to check
 * @param timeout how long the condition may take to hold (default 5 minutes)
 */
public record CheckStep(CheckKind check, Duration timeout) implements Step {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    @JsonCreator
    public CheckStep(@JsonProperty(value = "check", required = true) CheckKind check,
                     @JsonProperty("timeout") Duration timeout) {
        if (check == null) {
            throw new IllegalArgumentException("'check' needs what to check (heartbeat, running, replication-healthy)");
        }
        this.check = check;
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    @Override
    public String describe() {
        return "check " + check.label();
    }
}
