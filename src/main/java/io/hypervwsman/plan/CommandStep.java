package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * Runs a local program (no shell) with the plan's context in HVW_PLAN_* environment variables; exit status 0
 * is success.
 *
 * @param run     the program and its arguments
 * @param timeout how long it may run (default 10 minutes); then it is killed and the step fails
 */
public record CommandStep(List<String> run, Duration timeout) implements Step {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    @JsonCreator
    public CommandStep(@JsonProperty(value = "run", required = true) List<String> run,
                       @JsonProperty("timeout") Duration timeout) {
        if (run == null || run.isEmpty() || run.get(0).isBlank()) {
            throw new IllegalArgumentException("'run' needs the program to run, e.g. run: [./notify.sh, start]");
        }
        this.run = List.copyOf(run);
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    @Override
    public String describe() {
        return "run " + String.join(" ", run);
    }
}
