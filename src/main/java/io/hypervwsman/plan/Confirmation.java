package io.hypervwsman.plan;

/** Asks the operator to confirm a manual step (the CLI prompts; tests answer). False means "no": the step fails. */
public interface Confirmation {

    boolean confirm(String group, String instruction) throws InterruptedException;
}
