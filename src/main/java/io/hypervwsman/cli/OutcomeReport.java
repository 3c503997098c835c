package io.hypervwsman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.wsman.WsManFault;
import io.hypervwsman.wsman.WsManFaultException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What one command prints as its result: with --output json exactly one JSON object on stdout, whatever happens
 * (result, error, stop); in text one summary line on stdout, or "error:"/"hint:" lines on stderr. A simulated run
 * says so in every result ("simulated": true; the text marker {@value #SIMULATED}).
 */
final class OutcomeReport {
    static final String SIMULATED = "[SIMULATED]";
    /** The "outcome" of a dry run: nothing was invoked, so it never says succeeded. */
    static final String PLANNED = "planned";

    private final String operation;
    private final String host;
    private final boolean json;
    private final boolean simulated;
    private final PrintStream out;
    private final PrintStream err;
    /** A stop (Ctrl-C, SIGTERM) and the normal end may race: the first result written is the only one. */
    private final AtomicBoolean written = new AtomicBoolean();
    /** The connection options as given (for a suggested command), asked for only when a hint names a command. */
    private Supplier<String> connectionArguments = () -> null;

    OutcomeReport(String operation, String host, boolean json, boolean simulated, PrintStream out, PrintStream err) {
        this.operation = operation;
        this.host = host;
        this.json = json;
        this.simulated = simulated;
        this.out = out;
        this.err = err;
    }

    boolean json() {
        return json;
    }

    /** Suggested commands (hints) carry these connection options, as given. */
    OutcomeReport connectionArguments(Supplier<String> arguments) {
        this.connectionArguments = arguments;
        return this;
    }

    /** An operation's outcome; {@code resume} (or null) is the command that goes on waiting for its job. */
    void print(OperationOutcome o, String resume) {
        print(o, resume, Map.of());
    }

    /** As {@link #print(OperationOutcome, String)}; the JSON object also has {@code extra}'s fields (they win). */
    void print(OperationOutcome o, String resume, Map<String, Object> extra) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        if (json) {
            Map<String, Object> m = toMap(o);
            if (resume != null) {
                m.put("resume", resume);
            }
            m.putAll(extra);
            out.println(write(m));
            out.flush();
            return;
        }
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        if (o.job() != null && !o.job().errors().isEmpty()) {
            for (String e : o.job().errors()) {
                err.println("host error: " + e);
            }
        }
        out.println((simulated ? SIMULATED + " " : "") + label(o) + ": " + o.message() + " [decided by "
                + o.decidedBy().label() + ", " + seconds(o.durationMs()) + "]");
        if (resume != null) {
            err.println("hint: resume waiting with: " + resume);
        }
        out.flush();
    }

    /** A command's result other than an operation (e.g. "vms": [...]) as one object; text is the caller's. */
    void result(String key, Object value) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        Map<String, Object> m = header();
        m.put("outcome", Outcome.SUCCEEDED.label());
        m.put("exitCode", 0);
        m.put(key, value);
        out.println(write(m));
    }

    /**
     * A generic result (the wsman verbs): operation, host and simulated, then outcome (succeeded for exit 0, else
     * failed), exitCode and the command's own fields, as one object.
     */
    void result(Map<String, Object> fields, int exitCode) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        Map<String, Object> m = header();
        m.put("outcome", exitCode == 0 ? Outcome.SUCCEEDED.label() : Outcome.FAILED.label());
        m.put("exitCode", exitCode);
        m.putAll(fields);
        out.println(write(m));
    }

    /** The one JSON object (or the error and hint lines on stderr) for an operation stopped by an exception. */
    void error(String vmGiven, HyperVWsManException e, int exitCode, String hint, long durationMs, boolean verbose,
               String listKey) {
        WsManFault fault = hostFault(e);
        stoppedBefore(vmGiven, e instanceof OperationFailedException ? "pre-check" : "none", e.getMessage(),
                exitCode == ExitCodes.UNDECIDED ? "unknown" : "failed", fault, durationMs, exitCode, hint, listKey);
        if (verbose && fault != null && fault.provider() != null) {
            err.println("provider: " + fault.provider().describe());
        }
        if (verbose) {
            LoggerFactory.getLogger(OutcomeReport.class).error("{} stopped", operation, e);
        }
    }

    /** An operation refused before anything was invoked (a pre-check): reported as a stop, in the same words. */
    void refusal(OperationOutcome o, String vmGiven) {
        stoppedBefore(vmGiven, o.decidedBy().label(), o.message(), "failed", null, o.durationMs(),
                ExitCodes.of(o.outcome()), HintText.of(o.hint(), connectionArguments.get()), null);
    }

    private void stoppedBefore(String vmGiven, String decidedBy, String message, String outcome, WsManFault fault,
                               long durationMs, int exitCode, String hint, String listKey) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        if (json) {
            Map<String, Object> m = header();
            m.put("vm", vmGiven == null ? null : vm(vmGiven, null));
            m.put("returnValue", null);
            m.put("job", null);
            m.put("outcome", outcome);
            m.put("decidedBy", decidedBy);
            m.put("changed", "unknown".equals(outcome) ? null : Boolean.FALSE);
            m.put("message", message);
            m.put("durationMs", durationMs);
            m.put("exitCode", exitCode);
            m.put("hint", hint);
            if (fault != null) {
                m.put("fault", fault(fault));
            }
            if (listKey != null) {
                m.put(listKey, null);
            }
            out.println(write(m));
            out.flush();
        } else {
            err.println("error: " + message);
            if (hint != null) {
                err.println("hint: " + hint);
            }
        }
    }

    /** The host's WS-Management fault behind an exception, if it is one. */
    private static WsManFault hostFault(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof WsManFaultException f) {
                return f.fault();
            }
        }
        return null;
    }

    /** The fault as the host wrote it, the provider's details as fields of their own. */
    static Map<String, Object> fault(WsManFault f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().getLocalPart());
        m.put("subcode", f.subcodeName());
        m.put("wsmanCode", f.wsmanCode());
        m.put("machine", f.machine());
        m.put("message", f.message());
        m.put("reason", f.reason());
        m.put("provider", f.provider());
        return m;
    }

    /**
     * Stopped (Ctrl-C, SIGTERM) while waiting: the job (or null when none was reported yet) goes on on the host.
     * Text goes to stderr (stdout has no result); JSON is the run's one object.
     */
    void stopped(String vmGiven, String jobId, String message, String command) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        if (json) {
            Map<String, Object> m = header();
            m.put("vm", vmGiven == null ? null : vm(vmGiven, null));
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("instanceId", jobId);
            m.put("job", jobId == null ? null : job);
            m.put("outcome", "stopped");
            m.put("message", message);
            m.put(jobId == null ? "check" : "resume", command);
            out.println(write(m));
            out.flush();
        }
        err.println("stopped: " + message + (jobId == null ? "; check with: " : "; resume waiting with: ") + command);
        err.flush();
    }

    /** Text output of a simulated run starts with this line on stdout, before any table or result. */
    void simulatedBanner() {
        simulatedBanner(false);
    }

    /**
     * The simulated banner: on stdout for text; on stderr when stdout carries a document ({@code raw}: --output xml),
     * so that the document stays well-formed; not at all for JSON, whose object says {@code "simulated"}.
     */
    void simulatedBanner(boolean raw) {
        if (simulated && !json) {
            (raw ? err : out).println(SIMULATED + " embedded simulated Hyper-V host " + host
                    + ": no real host is contacted");
        }
    }

    /** A usage error (exit 2) before any command ran: one JSON object, or the error and hint on stderr. */
    static void usageError(String operation, boolean json, String message, String hint, PrintStream out,
                           PrintStream err) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", operation);
            m.put("outcome", "usage-error");
            m.put("message", message);
            m.put("exitCode", 2);
            m.put("hint", hint);
            out.println(write(m));
            out.flush();
        } else {
            err.println("error: " + message);
            if (hint != null) {
                err.println("hint: " + hint);
            }
        }
    }

    private Map<String, Object> header() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", operation);
        m.put("host", host);
        m.put("simulated", simulated);
        return m;
    }

    private static String label(OperationOutcome o) {
        return o.decidedBy() == DecidedBy.DRY_RUN ? PLANNED : o.outcome().label();
    }

    Map<String, Object> toMap(OperationOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", o.operation().command());
        m.put("wmiMethod", o.operation().method());
        m.put("host", o.host());
        m.put("simulated", simulated);
        m.put("vm", o.vm() == null ? null : vm(o.vm().name(), o.vm().id()));
        m.put("returnValue", o.returnValue());
        m.put("job", o.job() == null ? null : job(o.job()));
        m.put("outcome", label(o));
        m.put("decidedBy", o.decidedBy().label());
        m.put("changed", o.changed());
        m.put("message", o.message());
        m.put("durationMs", o.durationMs());
        m.put("warnings", o.warnings());
        return m;
    }

    static Map<String, Object> job(JobReport j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instanceId", j.instanceId());
        m.put("jobState", j.jobState());
        m.put("state", j.state());
        m.put("percentComplete", j.percentComplete());
        m.put("errorCode", j.errorCode());
        m.put("errorSummary", j.errorSummary());
        m.put("errorDescription", j.errorDescription());
        m.put("errors", j.errors());
        return m;
    }

    static Map<String, Object> vm(String name, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("id", id);
        return m;
    }

    static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String seconds(long ms) {
        if (ms < 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        // What "%.1f" makes of ms / 1000.0 (tenths, half up), without java.util.Formatter's floating-point set-up,
        // which a one-shot command's summary line would otherwise run for the first time (BENCHMARKS.md, issue 16).
        long tenths = (ms + 50) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** Made on the first JSON written: a run with text output never loads Jackson's databind. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
