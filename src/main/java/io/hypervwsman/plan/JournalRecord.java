package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of a plan's journal (JSON Lines). Only the fields its type needs are set.
 *
 * @param at            when it was written
 * @param type          what happened
 * @param group         the group it belongs to
 * @param vm            the VM's {@link PlannedVm#key()}
 * @param step          the Invoke's method, or the step's description
 * @param detail        the phase name, the job's InstanceID, the plan's SHA-256, or (VM_STARTED) the VM's name
 * @param outcome       how a VM or step ended
 * @param message       the host's or step's text
 * @param recoveryPoint the recovery point a VM used
 * @param primary       (VM_HOSTS) the plan host that was the VM's primary when its action started
 * @param replica       (VM_HOSTS) the plan host that held its replica then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalRecord(Instant at, Type type, String group, String vm, String step, String detail,
                            String outcome, String message, String recoveryPoint, String primary, String replica) {

    /**
     * The kinds of record, in the order a VM's life writes them. VM_HOSTS (planned failover only) names the hosts of
     * both sides before the first Invoke: which one holds the VM as primary changes as the action goes.
     */
    public enum Type {
        RUN_STARTED, GROUP_STARTED, STEP_STARTED, STEP_FINISHED, VM_STARTED, VM_HOSTS, PHASE, INVOKE_INTENT,
        INVOKE_SENT, VM_FINISHED, GROUP_FINISHED, RUN_FINISHED
    }

    /** A record that names no hosts (any type but VM_HOSTS). */
    public JournalRecord(Instant at, Type type, String group, String vm, String step, String detail, String outcome,
                         String message, String recoveryPoint) {
        this(at, type, group, vm, step, detail, outcome, message, recoveryPoint, null, null);
    }

    static JournalRecord of(Instant at, Type type, String group) {
        return new JournalRecord(at, type, group, null, null, null, null, null, null);
    }

    JournalRecord withVm(String key) {
        return new JournalRecord(at, type, group, key, step, detail, outcome, message, recoveryPoint, primary, replica);
    }

    JournalRecord withStep(String s, String d) {
        return new JournalRecord(at, type, group, vm, s, d, outcome, message, recoveryPoint, primary, replica);
    }

    JournalRecord withOutcome(String o, String m, String rp) {
        return new JournalRecord(at, type, group, vm, step, detail, o, m, rp, primary, replica);
    }

    JournalRecord withHosts(String p, String r) {
        return new JournalRecord(at, type, group, vm, step, detail, outcome, message, recoveryPoint, p, r);
    }
}
