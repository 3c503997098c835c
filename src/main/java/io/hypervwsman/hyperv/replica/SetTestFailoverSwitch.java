package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.FailoverNetworkSettings;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.Wql;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Set-VMNetworkAdapter -TestReplicaSwitchName: the switch a test failover connects the adapter to, so a test VM lands
 * on an isolated network. TestReplicaSwitchName is a property of the adapter's Msvm_EthernetPortAllocationSettingData
 * (Microsoft's class page), changed with Msvm_VirtualSystemManagementService.ModifyResourceSettings(ResourceSettings[]).
 * The allocation is found among the VM's settings by its Parent, the adapter's path.
 */
public final class SetTestFailoverSwitch implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("ModifyResourceSettings");
    private static final String ALLOCATION = "Msvm_EthernetPortAllocationSettingData";
    private final String adapter;
    private final String switchName;
    private CimInstance allocation;

    /** @param adapter the adapter's name or MAC; @param switchName the virtual switch for test failovers */
    public SetTestFailoverSwitch(String adapter, String switchName) {
        this.adapter = adapter;
        this.switchName = switchName;
        if (switchName == null || switchName.isBlank()) {
            throw new IllegalArgumentException("name the switch for test failovers");
        }
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
        return allocationOf(host, vm).string("TestReplicaSwitchName").filter(switchName::equals)
                .map(s -> adapter + " of " + vm.name() + " already fails over to " + s + " in a test failover");
    }

    private CimInstance allocationOf(VerbContext host, VirtualMachine vm) {
        if (allocation == null) {
            String mac = adapter.replaceAll("[-:.]", "");
            List<FailoverNetworkSettings> match = host.queries().failoverNetwork(vm).stream()
                    .filter(a -> a.adapterName().equals(adapter) || a.macAddress().equalsIgnoreCase(mac)).toList();
            if (match.size() != 1) {
                throw new OperationFailedException(vm.name() + " has " + (match.isEmpty() ? "no" : match.size())
                        + " network adapter named " + adapter);
            }
            String id = match.get(0).adapterId();
            String guid = id.substring(id.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
            allocation = host.query("ASSOCIATORS OF {Msvm_VirtualSystemSettingData.InstanceID="
                    + Wql.literal("Microsoft:" + vm.id()) + "} WHERE ResultClass = " + ALLOCATION).stream()
                    .filter(a -> a.string("Parent").map(p -> p.toLowerCase(Locale.ROOT).contains(guid)).orElse(false))
                    .findFirst().orElseThrow(() -> new OperationFailedException(adapter + " of " + vm.name()
                            + " is not connected to a switch (no " + ALLOCATION + ")"));
        }
        return allocation;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        CimInstance a = allocationOf(host, vm);
        EmbeddedInstance settings = EmbeddedInstance.of(ALLOCATION)
                .set("InstanceID", CimType.STRING, a.string("InstanceID").orElseThrow())
                .set("ResourceType", CimType.UINT16, a.number("ResourceType").orElse(33L))
                .set("TestReplicaSwitchName", CimType.STRING, switchName);
        a.string("Parent").ifPresent(p -> settings.set("Parent", CimType.STRING, p));
        if (!a.strings("HostResource").isEmpty()) {
            settings.setArray("HostResource", CimType.STRING, a.strings("HostResource"));
        }
        return new Invocation(host.managementService(), MethodInput.create().addArray("ResourceSettings",
                List.of(settings.toCimXml())), " for " + adapter + ": test failovers connect it to " + switchName);
    }

    @Override
    public Evidence<?> evidence() {
        // The switch name does not show in the replication state: a lost reply leaves the outcome unknown.
        return ReplicationStateEvidence.silent();
    }
}
