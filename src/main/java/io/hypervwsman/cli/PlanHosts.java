package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The connections of a running plan, one per plan host key, opened on first use and shared by the VMs' threads. */
final class PlanHosts implements AutoCloseable {
    private final Function<String, HyperVHost> opener;
    private final Map<String, HyperVHost> hosts = new ConcurrentHashMap<>();
    private final Map<String, ReplicaOperations> operations = new ConcurrentHashMap<>();

    /** @param opener connects to the plan host with this key (throws a HyperVWsManException when it cannot) */
    PlanHosts(Function<String, HyperVHost> opener) {
        this.opener = opener;
    }

    HyperVHost host(String key) {
        return hosts.computeIfAbsent(key, opener);
    }

    /** The Replica operations of a host; one per host so the Replica service is looked up once. */
    ReplicaOperations operations(String key) {
        return operations.computeIfAbsent(key, k -> ReplicaOperations.of(host(k)));
    }

    @Override
    public void close() {
        hosts.values().forEach(HyperVHost::close);
    }
}
