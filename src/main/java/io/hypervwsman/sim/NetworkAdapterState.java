package io.hypervwsman.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One synthetic network adapter of a VM (Msvm_SyntheticEthernetPortSettingData, a component of the VM's realized
 * Msvm_VirtualSystemSettingData {@code Microsoft:<VM id>}) and its Msvm_FailoverNetworkAdapterSettingData. How a
 * real host associates the two is not documented on the class pages; here ASSOCIATORS OF the adapter with
 * ResultClass Msvm_FailoverNetworkAdapterSettingData finds it. Guarded by the host's lock.
 */
final class NetworkAdapterState {
    static final String PORT_CLASS = "Msvm_SyntheticEthernetPortSettingData";
    static final String FAILOVER_CLASS = "Msvm_FailoverNetworkAdapterSettingData";
    /** The adapter's connection to a switch, which names the switch a test failover connects it to. */
    static final String ALLOCATION_CLASS = "Msvm_EthernetPortAllocationSettingData";
    /** ProtocolIFType IPv4. */
    static final int IPV4 = 4096;

    final VirtualMachine vm;
    Scenario.NetworkAdapter adapter;
    /** TestReplicaSwitchName of its Msvm_EthernetPortAllocationSettingData; null: none set. */
    String testReplicaSwitchName;

    NetworkAdapterState(VirtualMachine vm, Scenario.NetworkAdapter adapter) {
        this.vm = vm;
        this.adapter = adapter;
    }

    String instanceId() {
        return "Microsoft:" + vm.id + "\\" + adapter.id().toUpperCase(Locale.ROOT);
    }

    InstanceSnapshot portSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Address", adapter.mac());
        p.put("Caption", "Virtual Ethernet Port Settings");
        p.put("ElementName", adapter.name());
        p.put("InstanceID", instanceId());
        p.put("ResourceSubType", "Microsoft:Hyper-V:Synthetic Ethernet Port");
        p.put("ResourceType", 10);
        p.put("StaticMacAddress", false);
        p.put("VirtualSystemIdentifiers", List.of("{" + adapter.id().toUpperCase(Locale.ROOT) + "}"));
        return InstanceSnapshot.of(PORT_CLASS, p, List.of("InstanceID"));
    }

    String failoverInstanceId() {
        return instanceId() + "\\Failover";
    }

    /** Takes the IPv4 settings of an embedded Msvm_FailoverNetworkAdapterSettingData (SetFailoverNetworkAdapterSettings). */
    void apply(EmbeddedSettings e) {
        adapter = new Scenario.NetworkAdapter(adapter.name(), adapter.id(), adapter.mac(),
                e.value("DHCPEnabled").map(Boolean::valueOf).orElse(false), e.values("IPAddresses"),
                e.values("Subnets"), e.values("DefaultGateways"), e.values("DNSServers"));
    }

    String allocationInstanceId() {
        return instanceId() + "\\C3F7A2B1-5E8D-4C6A-9B0F-1D2E3F4A5B6C";
    }

    /** Its Msvm_EthernetPortAllocationSettingData (connected to the switch "External"); Parent is the port's path. */
    InstanceSnapshot allocationSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", "Ethernet Switch Port Settings");
        p.put("ElementName", "Dynamic Ethernet Switch Port");
        p.put("EnabledState", 2);
        p.put("HostResource", List.of("\\\\HV\\root\\virtualization\\v2:Msvm_VirtualEthernetSwitch"
                + ".CreationClassName=\"Msvm_VirtualEthernetSwitch\",Name=\"External\""));
        p.put("InstanceID", allocationInstanceId());
        p.put("LastKnownSwitchName", "External");
        p.put("Parent", "\\\\HV\\root\\virtualization\\v2:" + PORT_CLASS + ".InstanceID=\""
                + instanceId().replace("\\", "\\\\") + "\"");
        p.put("ResourceType", 33);
        p.put("TestReplicaPoolID", null);
        p.put("TestReplicaSwitchName", testReplicaSwitchName);
        return InstanceSnapshot.of(ALLOCATION_CLASS, p, List.of("InstanceID"));
    }

    InstanceSnapshot failoverSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", null);
        p.put("DefaultGateways", adapter.gateways());
        p.put("Description", null);
        p.put("DHCPEnabled", adapter.dhcp());
        p.put("DNSServers", adapter.dnsServers());
        p.put("ElementName", null);
        p.put("InstanceID", failoverInstanceId());
        p.put("IPAddresses", adapter.ipAddresses());
        p.put("ProtocolIFType", IPV4);
        p.put("Subnets", adapter.subnets());
        return InstanceSnapshot.of(FAILOVER_CLASS, p, List.of("InstanceID"));
    }
}
