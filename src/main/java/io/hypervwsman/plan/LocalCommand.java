package io.hypervwsman.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a {@link CommandStep} as a local process (no shell), its output kept for the message (last 2000 chars). */
public final class LocalCommand implements CommandRunner {
    private static final int KEEP = 2000;

    @Override
    public StepResult run(CommandStep step, Map<String, String> environment) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(step.run()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return StepResult.failed("cannot start " + step.run().get(0) + ": " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process went away; what was read stays
            }
        }, "plan-command-output");
        reader.start();
        if (!p.waitFor(step.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            reader.join();
            return StepResult.failed(step.describe() + " did not finish within " + step.timeout());
        }
        reader.join();
        String tail = out.length() > KEEP ? out.substring(out.length() - KEEP) : out.toString();
        return p.exitValue() == 0 ? StepResult.ok(tail.strip())
                : StepResult.failed(step.describe() + " exited with " + p.exitValue() + ": " + tail.strip());
    }
}
