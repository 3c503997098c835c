package io.hypervwsman.sim;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Lab} served on 127.0.0.1: one {@link SimulatedHost} per lab host, each on its own port, sharing a clock
 * and one {@link ReplicaNetwork}, so that what a method does on one host (prepare, failover, reverse, start
 * replication) shows on the VM's other side, and an error on one side (not prepared, running, not answering)
 * fails the method on the other. Hosts or whole sites can be taken down (WinRM and replication) and brought back.
 */
public final class SimulatedLab implements AutoCloseable {
    private final Lab lab;
    private final ReplicaNetwork network;
    private final Map<String, SimulatedHost> hosts;

    private SimulatedLab(Lab lab, ReplicaNetwork network, Map<String, SimulatedHost> hosts) {
        this.lab = lab;
        this.network = network;
        this.hosts = hosts;
    }

    /** Starts every host of {@code lab} on a free port; {@code user} must be one of the lab's users. */
    public static SimulatedLab start(Lab lab, String user, char[] password, Clock clock) {
        return start(lab, user, password, clock, 0);
    }

    /**
     * Starts every host of {@code lab}, the n-th (from 0, site by site) on port {@code firstPort + n}, or each on a free
     * port when {@code firstPort} is 0.
     */
    public static SimulatedLab start(Lab lab, String user, char[] password, Clock clock, int firstPort) {
        ReplicaNetwork network = new ReplicaNetwork();
        Map<String, SimulatedHost> started = new LinkedHashMap<>();
        try {
            lab.scenarios(clock.instant()).forEach((name, scenario) -> started.put(name.toUpperCase(Locale.ROOT),
                    SimulatedHost.startInNetwork(scenario, user, password, clock, network,
                            firstPort == 0 ? 0 : firstPort + started.size())));
        } catch (RuntimeException e) {
            started.values().forEach(SimulatedHost::close);
            throw e;
        }
        synchronized (network) {
            for (HyperVHost h : network.hosts()) {
                h.vmsUnsettled().forEach(vm -> vm.relationships.forEach(
                        l -> l.replicationInterval = lab.replicationInterval()));
            }
        }
        return new SimulatedLab(lab, network, started);
    }

    public Lab lab() {
        return lab;
    }

    /** The lab's hosts, site by site, as the lab spells them. */
    public List<String> hostNames() {
        return lab.hostNames();
    }

    /** The simulated host named {@code name} (NetBIOS name, any case). */
    public SimulatedHost host(String name) {
        SimulatedHost h = hosts.get(name.toUpperCase(Locale.ROOT));
        if (h == null) {
            throw new IllegalArgumentException(name + " is not a host of lab " + lab.name() + " (" + hostNames() + ")");
        }
        return h;
    }

    /** The WS-Management endpoint of {@code host}, http://127.0.0.1:PORT/wsman. */
    public URI endpoint(String host) {
        return host(host).endpoint();
    }

    /** The site of {@code host}. */
    public String site(String host) {
        return lab.siteOf(host);
    }

    /** How many Invoke requests for {@code method} reached any host of the lab. */
    public int invocations(String method) {
        return hosts.values().stream().mapToInt(h -> h.invocations(method)).sum();
    }

    /**
     * Takes a host, or every host of a site, down: its WinRM service refuses connections and replication to and from
     * it fails (a lost site), while its VMs keep their state for when it comes back.
     */
    public void takeDown(String hostOrSite) {
        for (String h : resolve(hostOrSite)) {
            network.setDown(h, true);
            host(h).stopService();
        }
    }

    /** Brings a host, or every host of a site, back after {@link #takeDown}. */
    public void bringUp(String hostOrSite) {
        for (String h : resolve(hostOrSite)) {
            host(h).startService();
            network.setDown(h, false);
        }
    }

    /** The hosts {@code hostOrSite} names: a site's hosts, or one host. */
    public List<String> resolve(String hostOrSite) {
        List<String> out = new ArrayList<>();
        lab.sites().stream().filter(s -> s.name().equalsIgnoreCase(hostOrSite)).forEach(s -> out.addAll(s.hosts()));
        if (out.isEmpty()) {
            out.add(host(hostOrSite).scenario().host());
        }
        return out;
    }

    @Override
    public void close() {
        hosts.values().forEach(SimulatedHost::close);
    }
}
