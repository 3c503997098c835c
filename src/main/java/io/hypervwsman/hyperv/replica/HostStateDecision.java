package io.hypervwsman.hyperv.replica;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.JobTracker;

/**
 * {@link StateDecision} for a verb on the host: reads the host's settings back (until they show the change or the
 * deadline passes, while the job may still run). Failed only when the job is known to have ended and the settings
 * are exactly as they were before the Invoke.
 */
final class HostStateDecision implements StateDecision {
    private final HostEvidence evidence;
    private final HostEvidence.Reading before;
    private final VerbContext host;
    private final JobTracker tracker;

    private HostStateDecision(HostEvidence evidence, HostEvidence.Reading before, VerbContext host,
                              JobTracker tracker) {
        this.evidence = evidence;
        this.before = before;
        this.host = host;
        this.tracker = tracker;
    }

    /** The evidence as it stood before the Invoke (read now; nothing is read for {@link HostEvidence#NONE}). */
    static HostStateDecision before(HostEvidence evidence, VerbContext host, JobTracker tracker) {
        return new HostStateDecision(evidence, evidence.tells() ? evidence.read(host) : null, host, tracker);
    }

    @Override
    public OperationOutcome decide(OperationRun run, String why, boolean jobEnded, JobReport job) {
        String command = run.operation().command();
        if (!evidence.tells()) {
            return run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(job).message(why + "; nothing on " + run.host()
                    + " shows whether " + command + " took effect").build();
        }
        HostEvidence.Reading now;
        try {
            now = jobEnded ? evidence.read(host) : watch(run, why);
        } catch (HyperVWsManException e) {
            return run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(job).message(why + "; the " + evidence.label()
                    + " cannot be read either (" + e.getMessage() + "): check " + run.host()
                    + " before doing anything else").build();
        }
        if (now.showsChange()) {
            return run.ended(Outcome.SUCCEEDED, DecidedBy.HOST_SETTINGS).job(job).message(command + " took effect on "
                    + run.host() + ": " + why + ", and the " + evidence.label() + " now show " + now.words()).build();
        }
        if (jobEnded && now.words().equals(before.words())) {
            return run.ended(Outcome.FAILED, DecidedBy.HOST_SETTINGS).job(job).message(command + " did not take"
                    + " effect on " + run.host() + ": " + why + ", and the " + evidence.label() + " still show "
                    + now.words()).build();
        }
        return run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(job).message(why + "; the " + evidence.label() + " ("
                + now.words() + ") do not tell whether " + command + " took effect: check " + run.host()).build();
    }

    private HostEvidence.Reading watch(OperationRun run, String why) {
        run.listener().waiting(why + "; reading the " + evidence.label() + " of " + run.host() + " until "
                + run.deadline());
        HostEvidence.Reading settled = tracker.await(() -> {
            HostEvidence.Reading r = evidence.read(host);
            return r.showsChange() ? r : null;
        }, run.deadline());
        return settled != null ? settled : evidence.read(host);
    }
}
