package io.hypervwsman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.wsman.WsManFault;
import io.hypervwsman.wsman.WsManFaultException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Writes an operation's outcome, or the error that stopped it, as one JSON object or one summary line. */
final class OutcomeReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeReport() {
    }

    static void print(OperationOutcome o, boolean json, PrintStream out, PrintStream err) {
        if (json) {
            out.println(write(toMap(o)));
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
        out.println(o.outcome().label() + ": " + o.message() + " [decided by " + o.decidedBy().label() + ", "
                + seconds(o.durationMs()) + "]");
    }

    /** The one JSON object (or the two lines on stderr) for an operation stopped by an exception. */
    static void printError(String operation, String host, String vmGiven, HyperVWsManException e, long durationMs,
                           boolean json, boolean verbose, PrintStream out, PrintStream err) {
        printError(operation, host, vmGiven, e, ExitCodes.of(e), durationMs, json, verbose, out, err);
    }

    /** As above, for a command whose exit code for the error is not the usual one (replication check: 3). */
    static void printError(String operation, String host, String vmGiven, HyperVWsManException e, int exitCode,
                           long durationMs, boolean json, boolean verbose, PrintStream out, PrintStream err) {
        String hint = e instanceof OperationFailedException f ? HintText.of(f.hint()) : hintFor(e);
        Stopped stopped = new Stopped(operation, host, vmGiven, e instanceof OperationFailedException ? "pre-check"
                : "none", e.getMessage(), ExitCodes.of(e) == ExitCodes.UNDECIDED ? "unknown" : "failed",
                hostFault(e));
        printStopped(stopped, durationMs, exitCode, hint, json, out, err);
        if (verbose && stopped.fault() != null && stopped.fault().provider() != null) {
            err.println("provider: " + stopped.fault().provider().describe());
        }
        if (verbose) {
            LoggerFactory.getLogger(OutcomeReport.class).error("{} stopped", operation, e);
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

    /** An operation refused before anything was invoked: reported as a stop, in the same words. */
    static void printRefusal(OperationOutcome o, String host, String vmGiven, boolean json, Terminal terminal) {
        Stopped stopped = new Stopped(o.operation().method(), host, vmGiven, o.decidedBy().label(), o.message(), "failed",
                null);
        printStopped(stopped, o.durationMs(), ExitCodes.of(o.outcome()), HintText.of(o.hint()), json,
                terminal.out(), terminal.err());
    }

    /** What stopped an operation before it was invoked. */
    private record Stopped(String operation, String host, String vmGiven, String decidedBy, String message,
                           String outcome, WsManFault fault) {
    }

    private static void printStopped(Stopped s, long durationMs, int exitCode, String hint, boolean json,
                                     PrintStream out, PrintStream err) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", s.operation());
            m.put("host", s.host());
            m.put("vm", s.vmGiven() == null ? null : vm(s.vmGiven(), null));
            m.put("returnValue", null);
            m.put("job", null);
            m.put("outcome", s.outcome());
            m.put("decidedBy", s.decidedBy());
            m.put("changed", "unknown".equals(s.outcome()) ? null : Boolean.FALSE);
            m.put("message", s.message());
            m.put("durationMs", durationMs);
            m.put("exitCode", exitCode);
            m.put("hint", hint);
            if (s.fault() != null) {
                m.put("fault", fault(s.fault()));
            }
            out.println(write(m));
        } else {
            err.println("error: " + s.message());
            if (hint != null) {
                err.println("hint: " + hint);
            }
        }
    }

    private static String hintFor(HyperVWsManException e) {
        switch (ExitCodes.of(e)) {
            case ExitCodes.AUTHENTICATION: return "check the user (DOMAIN\\user or user@REALM), the password, and --auth";
            case ExitCodes.CONNECTION:
                return "check --host, the port (5985 HTTP, 5986 HTTPS), the firewall, and --ca-file for HTTPS";
            default: return null;
        }
    }

    static Map<String, Object> toMap(OperationOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", o.operation().method());
        m.put("host", o.host());
        m.put("vm", o.vm() == null ? null : vm(o.vm().name(), o.vm().id()));
        m.put("returnValue", o.returnValue());
        m.put("job", o.job() == null ? null : job(o.job()));
        m.put("outcome", o.outcome().label());
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

    private static Map<String, Object> vm(String name, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("id", id);
        return m;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String writeList(List<?> values) {
        return write(values);
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
