package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.FailoverNetworkSettings;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Set-VMNetworkAdapterFailoverConfiguration (IPv4): Msvm_ReplicationService.SetFailoverNetworkAdapterSettings(
 * ComputerSystem, NetworkSettings[]) with the adapter's Msvm_FailoverNetworkAdapterSettingData, its InstanceID as the
 * host reported it (how else the host would tell the adapters apart is not documented), static IPv4 settings.
 */
public final class SetFailoverNetwork implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("SetFailoverNetworkAdapterSettings");
    private static final String CLASS = "Msvm_FailoverNetworkAdapterSettingData";
    /** ProtocolIFType IPv4. */
    private static final int IPV4 = 4096;
    private final String adapter;
    private final String address;
    private final String subnetMask;
    private final List<String> gateways;
    private final List<String> dnsServers;
    private FailoverNetworkSettings chosen;

    /**
     * @param adapter    the adapter's name or MAC address (12 hex digits, with or without separators)
     * @param cidr       ADDRESS/PREFIX, e.g. 10.20.0.15/24
     * @param gateways   default gateways (at most five, as the class documents)
     * @param dnsServers DNS servers
     */
    public SetFailoverNetwork(String adapter, String cidr, List<String> gateways, List<String> dnsServers) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2 || !isIpv4(parts[0]) || !parts[1].matches("\\d{1,2}")
                || Integer.parseInt(parts[1]) > 32) {
            throw new IllegalArgumentException("--ipv4 must be ADDRESS/PREFIX, e.g. 10.20.0.15/24, not " + cidr);
        }
        this.address = parts[0];
        this.subnetMask = mask(Integer.parseInt(parts[1]));
        this.gateways = List.copyOf(gateways);
        this.dnsServers = List.copyOf(dnsServers);
        if (this.gateways.size() > 5) {
            throw new IllegalArgumentException("at most five default gateways");
        }
        for (String a : concat(this.gateways, this.dnsServers)) {
            if (!isIpv4(a)) {
                throw new IllegalArgumentException(a + " is not an IPv4 address");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static boolean isIpv4(String s) {
        String[] o = s.split("\\.", -1);
        return o.length == 4 && java.util.Arrays.stream(o).allMatch(x -> x.matches("\\d{1,3}") && Integer.parseInt(x) < 256);
    }

    private static String mask(int prefix) {
        long m = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        return (m >> 24 & 255) + "." + (m >> 16 & 255) + "." + (m >> 8 & 255) + "." + (m & 255);
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public boolean checksReplication() {
        return false;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        FailoverNetworkSettings a = adapterOf(host, vm);
        boolean same = a.protocol().equals(Optional.of(IPV4)) && a.dhcpEnabled().equals(Optional.of(false))
                && a.ipAddresses().equals(List.of(address)) && a.subnets().equals(List.of(subnetMask))
                && a.gateways().equals(gateways) && a.dnsServers().equals(dnsServers);
        return same ? Optional.of(a.adapterName() + " of " + vm.name() + " already fails over to " + describe())
                : Optional.empty();
    }

    private FailoverNetworkSettings adapterOf(VerbContext host, VirtualMachine vm) {
        if (chosen == null) {
            List<FailoverNetworkSettings> all = host.queries().failoverNetwork(vm);
            String mac = adapter.replaceAll("[-:.]", "").toUpperCase(Locale.ROOT);
            List<FailoverNetworkSettings> match = all.stream().filter(a -> a.adapterName().equals(adapter)
                    || a.macAddress().replaceAll("[-:.]", "").equalsIgnoreCase(mac)).toList();
            if (match.size() != 1) {
                throw new OperationFailedException(vm.name() + " has " + (match.isEmpty() ? "no" : match.size())
                        + " network adapter" + (match.size() > 1 ? "s" : "") + " named " + adapter + "; its adapters: "
                        + all.stream().map(a -> a.adapterName() + " (" + a.macAddress() + ")")
                                .collect(Collectors.joining(", ")));
            }
            if (match.get(0).failoverInstanceId() == null) {
                throw new OperationFailedException(match.get(0).adapterName() + " of " + vm.name() + " has no"
                        + " Msvm_FailoverNetworkAdapterSettingData on the host to change");
            }
            chosen = match.get(0);
        }
        return chosen;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        FailoverNetworkSettings a = adapterOf(host, vm);
        EmbeddedInstance settings = EmbeddedInstance.of(CLASS)
                .set("InstanceID", CimType.STRING, a.failoverInstanceId())
                .set("ProtocolIFType", CimType.UINT16, IPV4)
                .set("DHCPEnabled", CimType.BOOLEAN, false)
                .setArray("IPAddresses", CimType.STRING, List.of(address))
                .setArray("Subnets", CimType.STRING, List.of(subnetMask))
                .setArray("DefaultGateways", CimType.STRING, gateways)
                .setArray("DNSServers", CimType.STRING, dnsServers);
        return host.onReplicationService(vm, MethodInput.create().addArray("NetworkSettings",
                List.of(settings.toCimXml())), " for " + a.adapterName() + ": " + describe());
    }

    private String describe() {
        return address + " mask " + subnetMask + (gateways.isEmpty() ? "" : " gateway " + String.join(",", gateways))
                + (dnsServers.isEmpty() ? "" : " dns " + String.join(",", dnsServers));
    }

    @Override
    public Evidence<?> evidence() {
        // Failover IP settings do not show in the replication state: a lost reply leaves the outcome unknown.
        return ReplicationStateEvidence.silent();
    }
}
