package io.hypervwsman.hyperv.replica;

/**
 * What shows on the host that a {@link HostVerb} took effect when its job cannot say: the Replica server settings
 * read back. {@link #NONE} for a verb that changes nothing (a connection test): a lost reply then stays unknown.
 */
public interface HostEvidence {
    HostEvidence NONE = new HostEvidence() {
        @Override
        public String label() {
            return "nothing";
        }

        @Override
        public Reading read(VerbContext host) {
            return new Reading(false, "not read");
        }

        @Override
        public boolean tells() {
            return false;
        }
    };

    /** What is read, for messages: "Replica server settings". */
    String label();

    /** The reading now: whether it shows the change, and what it shows in words. */
    Reading read(VerbContext host);

    /** False for an operation whose effect does not show on the host. */
    default boolean tells() {
        return true;
    }

    /**
     * One reading.
     *
     * @param showsChange whether the host shows what the verb asked for
     * @param words       the values read, in words; two equal readings have equal words
     */
    record Reading(boolean showsChange, String words) {
    }
}
