package io.hypervwsman.cli;

import io.hypervwsman.hyperv.FailoverNetworkSettings;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.SetFailoverNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code set-failover-network --vm X --adapter NAME|MAC --ipv4 ADDR/PREFIX [--gateway G] [--dns D]}: the IPv4
 * settings the guest gets after a failover (Set-VMNetworkAdapterFailoverConfiguration); {@code --show}: the
 * current ones of every adapter, as Get-VMNetworkAdapterFailoverConfiguration shows them.
 */
@Command(name = "set-failover-network", mixinStandardHelpOptions = true,
        description = "Set the IPv4 settings a VM's network adapter gets after a failover"
                + " (SetFailoverNetworkAdapterSettings), or --show those of every adapter.")
final class SetFailoverNetworkCommand extends ReplicaVerbCommand {
    @Option(names = "--show", description = "Show the current failover IP settings of every adapter.")
    boolean show;

    @Option(names = "--adapter", paramLabel = "NAME|MAC", description = "The network adapter, by name or MAC.")
    String adapter;

    @Option(names = "--ipv4", paramLabel = "ADDRESS/PREFIX", description = "Its failover IPv4 address, e.g. 10.20.0.15/24.")
    String ipv4;

    @Option(names = "--gateway", paramLabel = "ADDRESS", description = "A default gateway (repeatable, at most 5).")
    List<String> gateways = new java.util.ArrayList<>();

    @Option(names = "--dns", paramLabel = "ADDRESS", description = "A DNS server (repeatable).")
    List<String> dnsServers = new java.util.ArrayList<>();

    @Override
    String operation() {
        return show ? "FailoverNetworkShow" : super.operation();
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        if (adapter == null || ipv4 == null) {
            throw new UsageException("give --adapter and --ipv4 to change the failover settings, or --show");
        }
        SetFailoverNetwork verb;
        try {
            verb = new SetFailoverNetwork(adapter, ipv4, gateways, dnsServers);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return replica.run(verb, ref, options);
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) throws InterruptedException {
        if (!show) {
            return super.run(session, json);
        }
        if (severalVms(session)) {
            throw new UsageException("--show takes one VM; give --vm once, without a glob");
        }
        vm = vms.get(0);
        VirtualMachine v = session.host().vms().resolve(VmRef.of(vm));
        List<FailoverNetworkSettings> adapters = session.host().replicaQueries().failoverNetwork(v);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", session.label());
            m.put("vm", Map.of("name", v.name(), "id", v.id()));
            m.put("adapters", adapters.stream().map(SetFailoverNetworkCommand::row).collect(Collectors.toList()));
            terminal.out().println(OutcomeReport.write(m));
            return 0;
        }
        if (adapters.isEmpty()) {
            terminal.err().println(v.name() + " has no synthetic network adapter on " + session.label());
        }
        for (FailoverNetworkSettings a : adapters) {
            terminal.out().println(a.adapterName() + " (" + a.macAddress() + ")");
            terminal.out().println("  protocol      " + a.protocol().map(SetFailoverNetworkCommand::protocol)
                    .orElse("- (no failover settings)"));
            terminal.out().println("  dhcp          " + a.dhcpEnabled().map(Object::toString).orElse("-"));
            terminal.out().println("  ip addresses  " + join(a.ipAddresses()));
            terminal.out().println("  subnets       " + join(a.subnets()));
            terminal.out().println("  gateways      " + join(a.gateways()));
            terminal.out().println("  dns servers   " + join(a.dnsServers()));
        }
        return 0;
    }

    private static Map<String, Object> row(FailoverNetworkSettings a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.adapterName());
        m.put("id", a.adapterId());
        m.put("macAddress", a.macAddress());
        m.put("protocol", a.protocol().map(SetFailoverNetworkCommand::protocol).orElse(null));
        m.put("dhcpEnabled", a.dhcpEnabled().orElse(null));
        m.put("ipAddresses", a.ipAddresses());
        m.put("subnets", a.subnets());
        m.put("defaultGateways", a.gateways());
        m.put("dnsServers", a.dnsServers());
        return m;
    }

    private static String protocol(int protocolIfType) {
        switch (protocolIfType) {
            case 4096: return "IPv4";
            case 4097: return "IPv6";
            case 4098: return "IPv4/IPv6";
            default: return Integer.toString(protocolIfType);
        }
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }
}
