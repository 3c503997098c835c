package io.hypervwsman.plan;

import java.util.Map;

/** Runs a {@link CommandStep} with the plan's context in {@code environment}. */
public interface CommandRunner {

    StepResult run(CommandStep step, Map<String, String> environment) throws InterruptedException;
}
