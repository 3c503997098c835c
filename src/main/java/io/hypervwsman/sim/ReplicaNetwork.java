package io.hypervwsman.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Hyper-V Replica servers simulated hosts reach each other as: in a lab, every host of the lab (so that a
 * failover, a reverse or a prepare on one host changes the VM's other side); a host started alone is a network of
 * one and its peers are names only. The network is also the lock of all its hosts, so a change that spans two hosts
 * is atomic, and settling one host settles them all on their shared clock.
 */
final class ReplicaNetwork {
    private final List<HyperVHost> hosts = new ArrayList<>();
    /** Hosts that are down (power or network lost): neither WinRM nor replication reaches them. */
    private final Set<String> down = new HashSet<>();
    private boolean settling;

    /** The other side of a VM: the host it replicates with, its VM of the same id there, and whether it answers. */
    record Counterpart(HyperVHost host, VirtualMachine vm, boolean reachable) {
        ReplicationLink link() {
            return vm.primaryLink();
        }
    }

    void join(HyperVHost host) {
        synchronized (this) {
            hosts.add(host);
        }
    }

    List<HyperVHost> hosts() {
        synchronized (this) {
            return List.copyOf(hosts);
        }
    }

    /** The host a replication setting names, by NetBIOS name or FQDN. */
    Optional<HyperVHost> server(String name) {
        if (name == null) {
            return Optional.empty();
        }
        synchronized (this) {
            return hosts.stream().filter(h -> h.hostName().equalsIgnoreCase(name) || h.machine().equalsIgnoreCase(name))
                    .findFirst();
        }
    }

    void setDown(String hostName, boolean isDown) {
        synchronized (this) {
            settleAll();
            if (isDown) {
                down.add(hostName.toUpperCase(Locale.ROOT));
            } else {
                down.remove(hostName.toUpperCase(Locale.ROOT));
            }
        }
    }

    boolean reachable(HyperVHost host) {
        synchronized (this) {
            return !down.contains(host.hostName().toUpperCase(Locale.ROOT));
        }
    }

    /** The server {@code vm}'s primary relationship replicates with: its Replica server, or its primary's. */
    static String partnerServer(HyperVHost host, VirtualMachine vm) {
        ReplicationLink link = vm.primaryLink();
        if (link == null) {
            return null;
        }
        String partner = vm.replicationMode == 1 ? link.recoveryServer : link.primaryServer;
        return partner == null || partner.equalsIgnoreCase(host.machine()) || partner.equalsIgnoreCase(host.hostName())
                ? null : partner;
    }

    /** The VM of the same id on the server {@code vm} replicates with, when that server is in this network. */
    Optional<Counterpart> counterpart(HyperVHost host, VirtualMachine vm) {
        return on(partnerServer(host, vm), vm.id);
    }

    /** The VM {@code id} on the server named {@code server}, when that server is in this network and has it. */
    Optional<Counterpart> on(String server, String id) {
        synchronized (this) {
            return server(server).flatMap(h -> h.vmById(id).map(v -> new Counterpart(h, v, reachable(h))));
        }
    }

    /**
     * Ends due jobs on every host, then runs the replication cycles that fell due: while a primary and its replica
     * both answer and replicate, each cycle (ReplicationInterval) updates LastReplicationTime on both sides; a primary
     * whose replica has failed over or become a primary itself turns Critical, one whose replica does not answer
     * turns Warning once a cycle is missed. Re-entrant calls (from a job's effect) return at once.
     */
    void settleAll() {
        synchronized (this) {
            if (settling) {
                return;
            }
            settling = true;
            try {
                hosts.forEach(HyperVHost::settleOwn);
                if (hosts.size() > 1) {
                    cycles();
                }
            } finally {
                settling = false;
            }
        }
    }

    private void cycles() {
        for (HyperVHost h : hosts) {
            if (!reachable(h)) {
                continue;
            }
            Instant now = h.clock.instant();
            for (VirtualMachine vm : h.vmsUnsettled()) {
                ReplicationLink link = vm.primaryLink();
                if (vm.replicationMode != 1 || link == null || link.state != 3) {
                    continue;
                }
                counterpart(h, vm).ifPresent(c -> cycle(link, c, now));
            }
        }
    }

    private static void cycle(ReplicationLink primary, Counterpart replica, Instant now) {
        long interval = Math.max(30, primary.replicationInterval);
        Instant due = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), interval) * interval);
        if (!replica.reachable()) {
            if (primary.lastReplicationTime == null || primary.lastReplicationTime.plusSeconds(interval).isBefore(now)) {
                primary.health = Math.max(primary.health, 2);
            }
            return;
        }
        ReplicationLink r = replica.link();
        boolean replicating = (replica.vm().replicationMode == 2 || replica.vm().replicationMode == 4) && r != null
                && Set.of(3, 7, 10, 15).contains(r.state);
        if (!replicating) {
            primary.health = 3;
            return;
        }
        if (r.state == 3 && (primary.lastReplicationTime == null || primary.lastReplicationTime.isBefore(due))) {
            primary.lastReplicationTime = due;
            r.lastReplicationTime = due;
            primary.lastReplicationType = 1;
            r.lastReplicationType = 1;
            primary.health = 1;
            r.health = 1;
        }
    }
}
