package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VirtualMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One operation in progress: when it started, its deadline, what is known so far; makes its outcome. */
final class OperationRun {
    private Operation operation;
    private final String host;
    private final Clock clock;
    private final OperationOptions options;
    private final Instant start;
    private final List<String> warnings = new ArrayList<>();
    private OperationOutcome.VmInfo vm;
    private Long returnValue;
    private Words words;

    OperationRun(Operation operation, String host, Clock clock, OperationOptions options) {
        this.operation = operation;
        this.host = host;
        this.clock = clock;
        this.options = options;
        this.start = clock.instant();
    }

    Operation operation() {
        return operation;
    }

    /** The Invocation chose another method than the verb's (stop-vm turning off without the shutdown component). */
    void invoking(String method) {
        if (method != null && !method.equals(operation.method())) {
            operation = operation.invoking(method);
        }
    }

    String host() {
        return host;
    }

    OperationOptions options() {
        return options;
    }

    JobProgressListener listener() {
        return options.listener();
    }

    Instant start() {
        return start;
    }

    Instant deadline() {
        return start.plus(options.timeout());
    }

    void vm(VirtualMachine v) {
        this.vm = new OperationOutcome.VmInfo(v.name(), v.id());
    }

    /** The VM's name, or for an operation on the host itself the host's. */
    String vmName() {
        return vm == null ? host : vm.name();
    }

    void returnValue(long rv) {
        this.returnValue = rv;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Words words() {
        return words;
    }

    void words(Words w) {
        this.words = w;
    }

    /** An outcome of this run, with everything known so far filled in. */
    OperationOutcome.Builder ended(Outcome outcome, DecidedBy by) {
        return OperationOutcome.builder(operation).host(host).vm(vm).returnValue(returnValue).ended(outcome, by)
                .durationMs(Duration.between(start, clock.instant()).toMillis()).warnings(warnings);
    }

    /** Refused before anything was invoked. */
    OperationOutcome refused(OperationFailedException e) {
        return ended(Outcome.FAILED, DecidedBy.PRE_CHECK).message(e.getMessage()).hint(e.hint()).build();
    }

    static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
