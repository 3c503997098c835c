package io.hypervwsman.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test support: a simulated primary host and its replica host linked for planned failover as Hyper-V Replica links
 * them, for the VMs both scenarios hold (same GUID). A prepare on the primary (PreparedForFailover) makes the
 * replica's failover a planned one (FailedOverReplicationType 3), and once the replica has reversed replication the
 * old primary becomes its replica (Replicating, off). Each host applies what concerns its own VMs whenever it settles
 * (before it answers any request), through facts both share, so neither ever takes the other's lock. A stand-in
 * until plan tests move to the simulated lab's linked hosts.
 */
public final class PlannedFailoverLink {
    private enum Fact { PREPARED, REVERSED }

    private final Map<String, Fact> facts = new ConcurrentHashMap<>();
    private final List<String> ids;
    private final String primaryMachine;
    private final String replicaMachine;

    private PlannedFailoverLink(SimulatedHost primary, SimulatedHost replica) {
        this.ids = primary.scenario().vms().stream().map(v -> v.id().toUpperCase(java.util.Locale.ROOT))
                .filter(id -> vm(replica.backend().host(), id) != null).toList();
        this.primaryMachine = primary.backend().host().machine();
        this.replicaMachine = replica.backend().host().machine();
    }

    /** Links {@code primary}'s VMs with the VMs of the same id on {@code replica}, from now on. */
    public static void link(SimulatedHost primary, SimulatedHost replica) {
        PlannedFailoverLink l = new PlannedFailoverLink(primary, replica);
        everySettle(primary.backend().host(), l::onPrimary);
        everySettle(replica.backend().host(), l::onReplica);
    }

    private static void everySettle(HyperVHost host, java.util.function.Consumer<HyperVHost> change) {
        host.schedule(Instant.EPOCH, () -> {
            change.accept(host);
            everySettle(host, change);
        });
    }

    private void onPrimary(HyperVHost host) {
        for (String id : ids) {
            VirtualMachine vm = vm(host, id);
            ReplicationLink link = vm == null ? null : vm.primaryLink();
            if (link == null || vm.replicationMode != 1) {
                continue;
            }
            if (facts.get(id) == Fact.REVERSED) {
                vm.replicationMode = 2;
                link.state = 3;
                link.failedOverReplicationType = 0;
                link.primaryServer = replicaMachine;
                link.recoveryServer = primaryMachine;
            } else if (link.state == 4) {
                facts.putIfAbsent(id, Fact.PREPARED);
            }
        }
    }

    private void onReplica(HyperVHost host) {
        for (String id : ids) {
            VirtualMachine vm = vm(host, id);
            ReplicationLink link = vm == null ? null : vm.primaryLink();
            if (link == null || facts.get(id) != Fact.PREPARED) {
                continue;
            }
            if (vm.replicationMode == 2 && link.state == 5 && link.failedOverReplicationType == 1) {
                link.failedOverReplicationType = 3;
            } else if (vm.replicationMode == 1) {
                facts.put(id, Fact.REVERSED);
            }
        }
    }

    /** The VM {@code id} on {@code host}, without settling (this runs while the host settles). */
    private static VirtualMachine vm(HyperVHost host, String id) {
        return host.findVm(SelectorValues.of(Map.of("CreationClassName", VirtualMachine.CLASS, "Name", id)))
                .orElse(null);
    }
}
