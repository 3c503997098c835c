package io.hypervwsman.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Msvm_ConcreteJob: Running from submission, with PercentComplete rising over its duration on the host's
 * clock, then Completed, CompletedWithWarnings or Exception; removed TimeBeforeRemoval (five minutes) after it
 * ends. Guarded by the host's lock.
 */
final class SimulatedJob {
    static final String CLASS = "Msvm_ConcreteJob";
    static final Duration TIME_BEFORE_REMOVAL = Duration.ofMinutes(5);
    static final int RUNNING = 4;
    static final int COMPLETED = 7;
    static final int EXCEPTION = 10;
    static final int COMPLETED_WITH_WARNINGS = 32768;

    /** What the job is: JobType and the names Hyper-V gives it. */
    record Kind(int jobType, String caption, String description) {
    }

    /** How it ends: final JobState, error fields and the Msvm_Error messages GetErrorEx returns. */
    record Ending(int jobState, int errorCode, String errorSummaryDescription, String errorDescription,
                  List<String> errorMessages) {
        static Ending completed() {
            return new Ending(COMPLETED, 0, null, null, List.of());
        }

        /**
         * How a scenario's behaviour ends a job of {@code kind}; {@code failedDescription} is the ErrorDescription of
         * an Exception when the behaviour gives none.
         */
        static Ending of(Scenario.Behaviour b, Kind kind, String failedDescription) {
            return switch (b.outcome()) {
                case SUCCESS -> completed();
                case WARNING -> new Ending(COMPLETED_WITH_WARNINGS, b.error().orElse(0), b.errorSummaryDescription(),
                        b.errorDescription(), b.errorMessages());
                case EXCEPTION -> new Ending(EXCEPTION, b.error().orElse(32768),
                        java.util.Optional.ofNullable(b.errorSummaryDescription()).orElse(kind.caption() + " failed."),
                        java.util.Optional.ofNullable(b.errorDescription()).orElse(failedDescription),
                        b.errorMessages());
            };
        }

        boolean applies() {
            return jobState != EXCEPTION;
        }
    }

    final String id;
    final Kind kind;
    final String owner;
    final Instant submitted;
    final Duration duration;
    final Ending ending;
    /** The object path of what the job works on (Msvm_Error.ErrorSource). */
    final String errorSource;
    /** The Name (GUID) of the VM the job affects: the Msvm_AffectedJobElement association to it. */
    final String affectedVmId;
    private final Runnable onSuccess;
    private final Runnable onFailure;
    private Instant finished;

    SimulatedJob(String id, Kind kind, String owner, Instant submitted, Duration duration, Ending ending,
                 String errorSource, String affectedVmId, Runnable onSuccess, Runnable onFailure) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.submitted = submitted;
        this.duration = duration;
        this.ending = ending;
        this.errorSource = errorSource;
        this.affectedVmId = affectedVmId;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    Instant due() {
        return submitted.plus(duration);
    }

    boolean isFinished() {
        return finished != null;
    }

    /** Ends the job, applying its effect, if its time has come. */
    void settle(Instant now) {
        if (finished == null && !now.isBefore(due())) {
            finished = due();
            (ending.applies() ? onSuccess : onFailure).run();
        }
    }

    boolean isRemoved(Instant now) {
        return finished != null && !now.isBefore(finished.plus(TIME_BEFORE_REMOVAL));
    }

    InstanceSnapshot snapshot(Instant now) {
        boolean done = finished != null;
        Duration elapsed = done ? duration : Duration.between(submitted, now);
        int percent = done ? 100 : duration.isZero() ? 0
                : (int) Math.min(99, elapsed.toMillis() * 100 / Math.max(1, duration.toMillis()));
        int state = done ? ending.jobState() : RUNNING;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Cancellable", false);
        p.put("Caption", kind.caption());
        p.put("CommunicationStatus", null);
        p.put("DeleteOnCompletion", false);
        p.put("Description", kind.description());
        p.put("DetailedStatus", null);
        p.put("ElapsedTime", elapsed);
        p.put("ElementName", kind.caption());
        p.put("ErrorCode", done ? ending.errorCode() : 0);
        p.put("ErrorDescription", done ? ending.errorDescription() : null);
        p.put("ErrorSummaryDescription", done ? ending.errorSummaryDescription() : null);
        p.put("HealthState", 5);
        p.put("InstallDate", null);
        p.put("InstanceID", id);
        p.put("JobRunTimes", 1);
        p.put("JobState", state);
        p.put("JobStatus", status(state));
        p.put("JobType", kind.jobType());
        p.put("LocalOrUtcTime", 2);
        p.put("Name", kind.caption());
        p.put("Notify", null);
        p.put("OperatingStatus", null);
        p.put("OperationalStatus", List.of(2));
        p.put("OtherRecoveryAction", null);
        p.put("Owner", owner);
        p.put("PercentComplete", percent);
        p.put("PrimaryStatus", null);
        p.put("Priority", 0);
        p.put("RecoveryAction", null);
        p.put("RunDay", null);
        p.put("RunDayOfWeek", null);
        p.put("RunMonth", null);
        p.put("RunStartInterval", null);
        p.put("ScheduledStartTime", null);
        p.put("StartTime", submitted);
        p.put("Status", "OK");
        p.put("StatusDescriptions", List.of("OK"));
        p.put("TimeBeforeRemoval", TIME_BEFORE_REMOVAL);
        p.put("TimeOfLastStateChange", done ? finished : submitted);
        p.put("TimeSubmitted", submitted);
        p.put("UntilTime", null);
        return InstanceSnapshot.of(CLASS, p, List.of("InstanceID"));
    }

    private static String status(int state) {
        return switch (state) {
            case RUNNING -> "Job is running";
            case COMPLETED -> "Job completed successfully";
            case COMPLETED_WITH_WARNINGS -> "Job completed with warnings";
            default -> "Job failed";
        };
    }

    /**
     * GetErrorEx's Errors[]: one CIM-XML INSTANCE of Msvm_Error per message, as text (Microsoft's sample
     * parses each string as XML and reads Message and ErrorSource). Empty unless the job failed or warned.
     */
    List<String> errors(String hostName) {
        if (finished == null || ending.jobState() == COMPLETED) {
            return List.of();
        }
        List<String> messages = new java.util.ArrayList<>();
        if (ending.errorDescription() != null) {
            messages.add(ending.errorDescription());
        }
        messages.addAll(ending.errorMessages());
        String source = "\\\\" + hostName + "\\root\\virtualization\\v2:" + errorSource;
        return messages.stream().map(m -> msvmError(m, source)).toList();
    }

    private String msvmError(String message, String source) {
        return "<INSTANCE CLASSNAME=\"Msvm_Error\">"
                + property("CIMStatusCode", "uint32", "1")
                + property("ErrorSource", "string", source)
                + property("ErrorSourceFormat", "uint16", "2")
                + property("ErrorType", "uint16", "4")
                + property("Message", "string", message)
                + property("MessageID", "string", Integer.toString(ending.errorCode()))
                + property("OwningEntity", "string", "Microsoft-Windows-Hyper-V-VMMS")
                + property("PerceivedSeverity", "uint16", ending.jobState() == EXCEPTION ? "5" : "3")
                + "</INSTANCE>";
    }

    private static String property(String name, String type, String value) {
        return "<PROPERTY NAME=\"" + name + "\" TYPE=\"" + type + "\"><VALUE>" + io.hypervwsman.xml.XmlEscape.escape(value)
                + "</VALUE></PROPERTY>";
    }
}
