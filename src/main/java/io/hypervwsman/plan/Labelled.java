package io.hypervwsman.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant written in plan files by a lower-case label (test-failover, skip-group, heartbeat). */
interface Labelled {

    String label();

    /** The constant of {@code type} whose label is {@code label}; the message lists the known labels. */
    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label, String what) {
        E[] all = type.getEnumConstants();
        for (E e : all) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + label + "' (known: "
                + Arrays.stream(all).map(Labelled::label).collect(Collectors.joining(", ")) + ")");
    }
}
