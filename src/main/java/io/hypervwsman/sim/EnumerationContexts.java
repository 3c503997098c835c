package io.hypervwsman.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Open enumerations: the rendered items not yet pulled, under a context id. Each Pull hands out a new id and
 * invalidates the old one; Release, the last item and {@code expiry} without use (on the injected clock) end it.
 */
final class EnumerationContexts {
    private final Clock clock;
    private final Duration expiry;
    private final Supplier<UUID> ids;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    private record Open(List<String> items, Instant lastUsed) {
    }

    /** Items handed out by one Pull, and the context for the next one (null at the end of the sequence). */
    record Batch(List<String> items, String nextContext) {
        boolean endOfSequence() {
            return nextContext == null;
        }
    }

    EnumerationContexts(Clock clock, Duration expiry, Supplier<UUID> ids) {
        this.clock = clock;
        this.expiry = expiry;
        this.ids = ids;
    }

    /** Hands out up to {@code max} of {@code items} now, keeping the rest under a new context. */
    Batch start(List<String> items, int max) {
        return keep(items, max);
    }

    /** The next batch of the enumeration {@code context}. */
    Batch pull(String context, int max) {
        Open o = take(context);
        return keep(o.items(), max);
    }

    /** Ends the enumeration {@code context}. */
    void release(String context) {
        take(context);
    }

    int size() {
        return open.size();
    }

    private Open take(String context) {
        Open o = open.remove(context);
        if (o == null || !clock.instant().isBefore(o.lastUsed().plus(expiry))) {
            throw WsManFaults.invalidEnumerationContext();
        }
        return o;
    }

    private Batch keep(List<String> items, int max) {
        int n = Math.min(Math.max(1, max), items.size());
        List<String> now = List.copyOf(items.subList(0, n));
        List<String> rest = List.copyOf(items.subList(n, items.size()));
        if (rest.isEmpty()) {
            return new Batch(now, null);
        }
        String id = "uuid:" + ReplyEnvelope.upper(ids.get());
        open.put(id, new Open(rest, clock.instant()));
        return new Batch(now, id);
    }

    /** Opens a context holding all {@code items}, for a non-optimized Enumerate; the first Pull reads them. */
    String hold(List<String> items) {
        String id = "uuid:" + ReplyEnvelope.upper(ids.get());
        open.put(id, new Open(List.copyOf(items), clock.instant()));
        return id;
    }
}
