package io.hypervwsman.sim;

import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a simulated host is armed to show: one plan per host, shared by its gateway (HTTP, authentication,
 * encryption faults) and its WS-Management service (faults of the operation itself), filled from the scenario file
 * and by tests. Each {@link HostFault} is taken where it can act; adding a fault is a constant there and its effect
 * at that one place.
 */
public final class FaultPlan {
    private final Queue<Armed> armed = new ConcurrentLinkedQueue<>();
    private final java.util.Map<HostFault, AtomicInteger> shown = new java.util.concurrent.ConcurrentHashMap<>();

    /** Shows {@code fault} once, on the next request that can show it. */
    public FaultPlan once(HostFault fault) {
        return arm(fault, null, 1);
    }

    /**
     * Shows {@code fault} once, on the next request for {@code operation}: a method name (RevertFailover) or Get,
     * Enumerate, Pull, Release.
     */
    public FaultPlan once(HostFault fault, String operation) {
        return arm(fault, Objects.requireNonNull(operation, "operation"), 1);
    }

    /** Shows {@code fault} on {@code times} requests for {@code operation} (null: any request; -1 times: always). */
    public FaultPlan arm(HostFault fault, String operation, int times) {
        armed.add(new Armed(Objects.requireNonNull(fault, "fault"), operation, new AtomicInteger(times)));
        return this;
    }

    /** Arms a fault of a scenario file. */
    public FaultPlan arm(Scenario.Fault fault) {
        return arm(fault.kind(), fault.operation(), fault.times());
    }

    /** How many armed faults have not yet been shown (a fault armed "always" counts until the host stops). */
    public int pending() {
        return (int) armed.stream().filter(a -> a.remaining().get() != 0).count();
    }

    /** How many times each fault has been shown so far (a soak's count of the faults it really injected). */
    public java.util.Map<HostFault, Integer> shown() {
        java.util.Map<HostFault, Integer> out = new java.util.EnumMap<>(HostFault.class);
        shown.forEach((f, n) -> out.put(f, n.get()));
        return out;
    }

    /** Disarms every fault not yet shown. */
    public void clear() {
        armed.clear();
    }

    /** Takes {@code fault} if it is armed for any request (before the request's operation is known). */
    boolean take(HostFault fault) {
        return take(Set.of(fault), null).isPresent();
    }

    /** Takes {@code fault} if it is armed for any request or for {@code operation}. */
    boolean take(HostFault fault, String operation) {
        return take(Set.of(fault), operation).isPresent();
    }

    /** Takes the first armed fault among {@code kinds} for any request or for {@code operation} (null: any only). */
    Optional<HostFault> take(Set<HostFault> kinds, String operation) {
        for (Armed a : armed) {
            if (kinds.contains(a.fault()) && a.matches(operation) && a.fire()) {
                shown.computeIfAbsent(a.fault(), k -> new AtomicInteger()).incrementAndGet();
                return Optional.of(a.fault());
            }
        }
        return Optional.empty();
    }

    private record Armed(HostFault fault, String operation, AtomicInteger remaining) {
        boolean matches(String requested) {
            return operation == null || operation.equalsIgnoreCase(requested);
        }

        boolean fire() {
            while (true) {
                int n = remaining.get();
                if (n == 0) {
                    return false;
                }
                if (n < 0 || remaining.compareAndSet(n, n - 1)) {
                    return true;
                }
            }
        }
    }
}
