package io.hypervwsman.wsman;

import java.util.Objects;

/**
 * How to enumerate: an optional WQL filter, optimized enumeration (items in the Enumerate reply), the
 * batch sizes, and whether to return instances or references.
 *
 * @param wqlFilter          a WQL query, or null for all instances of the resource URI
 * @param optimize           send w:OptimizeEnumeration so the first batch comes with the Enumerate reply
 * @param maxElements        items per batch the host may send (w:MaxElements / n:MaxElements)
 * @param references         EnumerationMode EnumerateEPR: return endpoint references instead of instances
 * @param maxTimedOutPulls   consecutive w:TimedOut faults on Pull tolerated before giving up
 * @param associationFilter  an association-dialect filter instead of WQL, or null
 */
public record EnumerateOptions(String wqlFilter, boolean optimize, int maxElements, boolean references,
                               int maxTimedOutPulls, AssociationFilter associationFilter) {

    public EnumerateOptions {
        if (wqlFilter != null && associationFilter != null) {
            throw new IllegalArgumentException("a WQL filter or an association filter, not both");
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1");
        }
        if (maxTimedOutPulls < 0) {
            throw new IllegalArgumentException("maxTimedOutPulls must not be negative");
        }
    }

    /** All instances, optimized, 100 per batch. */
    public static EnumerateOptions all() {
        return new EnumerateOptions(null, true, 100, false, 10, null);
    }

    /** Instances matching a WQL query, optimized, 100 per batch. */
    public static EnumerateOptions wql(String query) {
        return new EnumerateOptions(Objects.requireNonNull(query), true, 100, false, 10, null);
    }

    /** The instances an association filter selects (over a namespace's {@code .../*}), optimized, 100 per batch. */
    public static EnumerateOptions associations(AssociationFilter filter) {
        return new EnumerateOptions(null, true, 100, false, 10, Objects.requireNonNull(filter));
    }

    public EnumerateOptions optimize(boolean on) {
        return new EnumerateOptions(wqlFilter, on, maxElements, references, maxTimedOutPulls, associationFilter);
    }

    public EnumerateOptions maxElements(int n) {
        return new EnumerateOptions(wqlFilter, optimize, n, references, maxTimedOutPulls, associationFilter);
    }

    public EnumerateOptions references(boolean on) {
        return new EnumerateOptions(wqlFilter, optimize, maxElements, on, maxTimedOutPulls, associationFilter);
    }
}
