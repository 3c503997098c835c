package io.hypervwsman.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A VmAction over a pretend host: each VM's life is checks, two Invokes (InitiateFailover, then
 * RequestStateChange to start it), with the journal told before each Invoke. The host counts every Invoke
 * it receives, so a test can prove none arrived twice. Optionally each VM blocks on a gate, so that tests can
 * hold VMs in flight and count them.
 */
final class FakeVmAction implements VmAction {
    static final List<String> METHODS = List.of("InitiateFailover", "RequestStateChange");

    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<String, AtomicInteger> inFlightPerHost = new ConcurrentHashMap<>();
    final AtomicInteger maxInFlightPerHost = new AtomicInteger();
    final Semaphore started = new Semaphore(0);
    private volatile Semaphore gate;

    /** From now on each VM waits for one permit of the returned semaphore before it finishes. */
    Semaphore holdEachVm() {
        gate = new Semaphore(0);
        return gate;
    }

    /** The host already received {@code method} for {@code vm} (before a simulated kill). */
    void alreadyReceived(String vmKey, String method) {
        received.computeIfAbsent(vmKey + " " + method, k -> new AtomicInteger()).incrementAndGet();
    }

    int receivedCount(String vmKey, String method) {
        AtomicInteger n = received.get(vmKey + " " + method);
        return n == null ? 0 : n.get();
    }

    @Override
    public VmResult run(PlannedVm vm, InvokeJournal journal) throws InterruptedException {
        return live(vm, null, journal);
    }

    @Override
    public VmResult resume(PlannedVm vm, VmHistory history, InvokeJournal journal) throws InterruptedException {
        return live(vm, history, journal);
    }

    private VmResult live(PlannedVm vm, VmHistory history, InvokeJournal journal) throws InterruptedException {
        events.add("vm:" + vm.name());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        int onHost = inFlightPerHost.computeIfAbsent(vm.host(), h -> new AtomicInteger()).incrementAndGet();
        maxInFlightPerHost.accumulateAndGet(onHost, Math::max);
        started.release();
        try {
            Semaphore g = gate;
            if (g != null) {
                g.acquire();
            }
            journal.phase("checks");
            if (failing.contains(vm.name())) {
                return VmResult.failed("The operation failed because the VM " + vm.name() + " is not in a valid state");
            }
            for (String method : METHODS) {
                journal.phase(method.equals("InitiateFailover") ? "invoke" : "start");
                if (history != null && history.mayHaveInvoked(method)) {
                    // decided from the host's state, never sent again: the host either has it or never got it
                    if (receivedCount(vm.key(), method) > 0) {
                        continue;
                    }
                }
                journal.beforeInvoke(method);
                alreadyReceived(vm.key(), method);
                journal.invoked(method, "job-" + vm.name() + "-" + method);
            }
            journal.phase("heartbeat");
            return VmResult.succeeded("failed over", "'Standard' 2026-11-30T16:00:00Z");
        } finally {
            inFlight.decrementAndGet();
            inFlightPerHost.get(vm.host()).decrementAndGet();
        }
    }
}
