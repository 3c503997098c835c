package io.hypervwsman.cli;

import io.hypervwsman.hyperv.FailoverNetworkSettings;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code set-failover-network --vm X --show}: the failover IP settings of each of the VM's adapters, as
 * Get-VMNetworkAdapterFailoverConfiguration shows them. Changing them comes with the operation engine.
 */
@Command(name = "set-failover-network", mixinStandardHelpOptions = true,
        description = "Failover IP settings of a VM's network adapters. Only --show is available in this version.")
final class SetFailoverNetworkCommand extends OneVmCommand {
    @Option(names = "--show", description = "Show the current failover IP settings of every adapter.")
    boolean show;

    @Override
    String operation() {
        return "FailoverNetworkShow";
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        if (!show) {
            throw new UsageException("changing failover IP settings is not available yet; use --show to see them");
        }
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
