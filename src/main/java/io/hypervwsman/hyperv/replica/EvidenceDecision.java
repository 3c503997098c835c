package io.hypervwsman.hyperv.replica;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.JobTracker;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides an outcome from a verb's evidence when the job cannot say (the reply to the Invoke, or the job, was
 * lost): watches the evidence until it shows the effect or time runs out, never guessing "failed".
 */
final class EvidenceDecision<S> implements StateDecision {
    private final Evidence<S> evidence;
    private final VirtualMachine vm;
    private final S before;
    private final VerbContext host;
    private final JobTracker tracker;

    private EvidenceDecision(Evidence<S> evidence, VirtualMachine vm, S before, VerbContext host, JobTracker tracker) {
        this.evidence = evidence;
        this.vm = vm;
        this.before = before;
        this.host = host;
        this.tracker = tracker;
    }

    /** The evidence as it stood before the Invoke, from what the pre-checks read. */
    static <S> EvidenceDecision<S> before(Evidence<S> evidence, VirtualMachine vm, Optional<Relationship> rel,
                                          VerbContext host, JobTracker tracker) {
        return new EvidenceDecision<>(evidence, vm, evidence.beforeInvoke(host, vm, rel), host, tracker);
    }

    @Override
    public OperationOutcome decide(OperationRun run, String why, boolean jobEnded, JobReport job) {
        S now;
        try {
            now = evidence.tells() && !jobEnded ? watch(run, why) : evidence.read(host, vm);
        } catch (HyperVWsManException e) {
            return run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(job).message(why + "; the " + evidence.label()
                    + " cannot be read either (" + e.getMessage() + "): check " + vm.name() + " on " + run.host()
                    + " before doing anything else").build();
        }
        String method = run.operation().command();
        if (evidence.tells() && now != null) {
            if (evidence.tookEffect(before, now)) {
                return run.ended(Outcome.SUCCEEDED, evidence.decidedBy()).job(job).message(method + " took effect for "
                        + vm.name() + ": " + why + ", and the " + evidence.label() + " is now "
                        + evidence.describe(vm, now)).build();
            }
            if (jobEnded && Objects.equals(before, now) && evidence.unchangedMeansFailed(now)) {
                return run.ended(Outcome.FAILED, evidence.decidedBy()).job(job).message(method + " did not take"
                        + " effect for " + vm.name() + ": " + why + ", and the " + evidence.label() + " is still "
                        + evidence.describe(vm, now)).build();
            }
        }
        return run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(job).message(why + "; the " + evidence.label() + " ("
                + evidence.describe(vm, now) + ") does not tell whether " + method + " took effect: check " + vm.name()
                + " on " + run.host()).build();
    }

    /** The job may still be running: re-read the evidence until it shows the effect or the deadline passes. */
    private S watch(OperationRun run, String why) {
        S first = evidence.read(host, vm);
        Object[] seen = {first};
        run.listener().waiting(why + "; watching the " + evidence.label() + " of " + vm.name() + " until "
                + run.deadline() + " (now " + evidence.describe(vm, first) + ")");
        S settled = tracker.await(() -> {
            S s = evidence.read(host, vm);
            if (!Objects.equals(s, seen[0])) {
                seen[0] = s;
                run.listener().waiting(evidence.label() + " of " + vm.name() + ": " + evidence.describe(vm, s));
            }
            return evidence.tookEffect(before, s) ? s : null;
        }, run.deadline());
        return settled != null ? settled : evidence.read(host, vm);
    }
}
