package io.hypervwsman.plan;

import java.util.List;
import java.util.Optional;

/** What the journal recorded for one VM before the plan was interrupted, as a resume hands it to {@link VmAction}. */
public record VmHistory(List<JournalRecord> records) {

    public VmHistory {
        records = List.copyOf(records);
    }

    /** Whether {@code method} may have been sent (its intent was journalled); it must never be sent again. */
    public boolean mayHaveInvoked(String method) {
        return records.stream().anyMatch(r -> r.type() == JournalRecord.Type.INVOKE_INTENT && method.equals(r.step()));
    }

    /** When the intent to send {@code method} was journalled (the latest, if several). */
    public Optional<java.time.Instant> intendedAt(String method) {
        return records.stream().filter(r -> r.type() == JournalRecord.Type.INVOKE_INTENT && method.equals(r.step()))
                .map(JournalRecord::at).reduce((a, b) -> b);
    }

    /** The plan host journalled as the VM's primary when its action started; empty in journals from before it was. */
    public Optional<String> primaryHost() {
        return hosts().map(JournalRecord::primary);
    }

    /** The plan host journalled as the VM's replica when its action started. */
    public Optional<String> replicaHost() {
        return hosts().map(JournalRecord::replica);
    }

    private Optional<JournalRecord> hosts() {
        return records.stream().filter(r -> r.type() == JournalRecord.Type.VM_HOSTS && r.primary() != null)
                .reduce((a, b) -> b);
    }

    /** The job the host returned for {@code method}, if the journal got that far. */
    public Optional<String> job(String method) {
        return records.stream().filter(r -> r.type() == JournalRecord.Type.INVOKE_SENT && method.equals(r.step()))
                .map(JournalRecord::detail).filter(j -> j != null).findFirst();
    }
}
