package io.hypervwsman.plan;

/** How a pre- or post-step ended: {@code ok}, or not with what went wrong. */
public record StepResult(boolean ok, String message) {

    public static StepResult ok(String message) {
        return new StepResult(true, message);
    }

    public static StepResult failed(String message) {
        return new StepResult(false, message);
    }
}
