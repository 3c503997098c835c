package io.hypervwsman.hyperv;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.ServiceUnavailableException;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFault;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.wsman.WsManNamespace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a Msvm_ConcreteJob until it ends: polls with backoff, retries the poll after transient errors
 * (polls are idempotent), collects GetErrorEx messages of a failed job, and says when the job can no
 * longer be read (finished jobs vanish about five minutes after they end).
 */
public final class JobTracker {
    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);
    /** ERROR_WSMAN_QUOTA_MAX_OPERATIONS: too many concurrent operations for this user; later is fine. */
    private static final long QUOTA_EXCEEDED = 2150859174L;
    /** ERROR_WSMAN_RESOURCE_NOT_FOUND and WBEM_E_NOT_FOUND: the instance is gone. */
    private static final long RESOURCE_NOT_FOUND = 2150858752L;
    private static final long WBEM_NOT_FOUND = 2147749890L;
    private static final Pattern CIM_XML_MESSAGE = Pattern.compile(
            "<PROPERTY[^>]*NAME=\"Message\"[^>]*>\\s*<VALUE>(.*?)</VALUE>", Pattern.DOTALL);

    private final WsManClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PollPolicy policy;

    public JobTracker(WsManClient client, Clock clock, Sleeper sleeper, PollPolicy policy) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
    }

    /** How following a job ended. */
    public enum Ending { FINISHED, VANISHED, TIMED_OUT, UNREACHABLE }

    /** The ending, the last report read (null if none could be read), and the error behind UNREACHABLE. */
    public record Result(Ending ending, JobReport last, HyperVWsManException error) {
    }

    /** Polls the job until it ends or {@code deadline} passes. */
    public Result follow(EndpointReference job, Instant deadline, JobProgressListener progress) {
        JobProgressListener listener = progress == null ? JobProgressListener.NONE : progress;
        PollSchedule schedule = policy.schedule();
        Instant followed = clock.instant();
        Optional<Duration> earliestEnd = Optional.empty();
        JobReport last = null;
        HyperVWsManException lastTransient = null;
        while (true) {
            try {
                CimInstance instance = client.get(job);
                last = JobReport.from(instance);
                lastTransient = null;
                earliestEnd = PollSchedule.earliestEnd(elapsed(instance, followed), last.percentComplete());
                listener.update(last);
                if (!JobState.isRunning(last.jobState())) {
                    if (!JobState.isSuccess(last.jobState()) || last.errorCode() != 0) {
                        last = last.withErrors(errorMessages(job));
                    }
                    return new Result(Ending.FINISHED, last, null);
                }
            } catch (WsManFaultException e) {
                if (isNotFound(e.fault())) {
                    return new Result(Ending.VANISHED, last, e);
                }
                if (!isTransient(e.fault())) {
                    return new Result(Ending.UNREACHABLE, last, e);
                }
                lastTransient = e;
                earliestEnd = Optional.empty();
                LOG.debug("transient fault while polling the job, polling again: {}", e.getMessage());
            } catch (ServiceUnavailableException | ConnectionException | MessageIntegrityException e) {
                lastTransient = e;
                earliestEnd = Optional.empty();
                LOG.debug("transient error while polling the job, polling again: {}", e.getMessage());
            } catch (HyperVWsManException e) {
                return new Result(Ending.UNREACHABLE, last, e);
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return lastTransient != null && last == null
                        ? new Result(Ending.UNREACHABLE, null, lastTransient)
                        : new Result(Ending.TIMED_OUT, last, lastTransient);
            }
            Duration remaining = Duration.between(now, deadline);
            Duration wait = schedule.next(earliestEnd);
            try {
                sleeper.sleep(wait.compareTo(remaining) < 0 ? wait : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Ending.TIMED_OUT, last, null);
            }
        }
    }

    /** How long the job has run: its ElapsedTime, or failing that, how long we have been following it. */
    private Duration elapsed(CimInstance job, Instant followed) {
        try {
            Optional<Duration> reported = job.interval("ElapsedTime");
            if (reported.isPresent()) {
                return reported.get();
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable ElapsedTime on the job: {}", e.getMessage());
        }
        return Duration.between(followed, clock.instant());
    }

    /**
     * Re-reads something with the same backoff until {@code probe} answers non-null or the deadline passes
     * (then null). Errors from the probe end the wait with null: the caller reports what it knows.
     */
    public <T> T await(java.util.function.Supplier<T> probe, Instant deadline) {
        Duration wait = policy.initial();
        while (true) {
            T answer;
            try {
                answer = probe.get();
            } catch (HyperVWsManException e) {
                LOG.debug("probe failed while waiting: {}", e.getMessage());
                answer = null;
            }
            if (answer != null) {
                return answer;
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return null;
            }
            Duration remaining = Duration.between(now, deadline);
            try {
                sleeper.sleep(wait.compareTo(remaining) < 0 ? wait : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            wait = policy.next(wait);
        }
    }

    /** GetErrorEx's Msvm_Error messages; an empty list if the host has none or will not say. */
    List<String> errorMessages(EndpointReference job) {
        List<String> messages = new ArrayList<>();
        try {
            MethodOutput out = client.invoke(job, "GetErrorEx", MethodInput.create());
            // Unverified on a host whether WinRM sends each Msvm_Error as escaped CIM-XML text (as WMI does)
            // or as a nested instance element; both are read.
            org.w3c.dom.NodeList kids = out.element().getChildNodes();
            for (int i = 0; i < kids.getLength(); i++) {
                if (kids.item(i) instanceof org.w3c.dom.Element e && "Errors".equals(e.getLocalName())) {
                    org.w3c.dom.NodeList nested = e.getElementsByTagNameNS("*", "Message");
                    if (nested.getLength() > 0) {
                        messages.add(nested.item(0).getTextContent().trim());
                        continue;
                    }
                    messages.add(messageOf(e.getTextContent().trim()));
                }
            }
        } catch (HyperVWsManException e) {
            LOG.debug("GetErrorEx failed: {}", e.getMessage());
        }
        return messages;
    }

    /** The Message of an embedded Msvm_Error; if the text is not one, a best-effort match, else the text itself. */
    static String messageOf(String cimXml) {
        try {
            return EmbeddedInstance.parse(cimXml).value("Message").map(String::trim).orElse(cimXml);
        } catch (io.hypervwsman.wsman.ProtocolException e) {
            Matcher m = CIM_XML_MESSAGE.matcher(cimXml);
            return m.find() ? unescape(m.group(1).trim()) : cimXml;
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static boolean isNotFound(WsManFault f) {
        Long code = f.wsmanCode();
        Long provider = f.providerError();
        return (code != null && (code == RESOURCE_NOT_FOUND || code == WBEM_NOT_FOUND))
                || (provider != null && provider == WBEM_NOT_FOUND)
                || f.hasSubcode(null, "DestinationUnreachable");
    }

    static boolean isTransient(WsManFault f) {
        return f.isTimedOut() || isQuota(f);
    }

    /** A quota fault as f:WSManFault code, or as Windows also sends it: w:QuotaLimit with an MSFT_WmiError. */
    private static boolean isQuota(WsManFault f) {
        Long code = f.wsmanCode();
        Long wmiCode = f.provider() == null ? null : f.provider().errorCode();
        return f.hasSubcode(WsManNamespace.WSMAN, "QuotaLimit")
                || (code != null && code == QUOTA_EXCEEDED) || (wmiCode != null && wmiCode == QUOTA_EXCEEDED);
    }
}
