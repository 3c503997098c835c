package io.hypervwsman.hyperv;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.wsman.Wql;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds VMs by GUID or name, lists them, and reads their replication relationships. */
public final class VirtualMachines {
    private static final Pattern HOST_GUID = Pattern.compile("[0-9A-Fa-f-]{36}");

    private final WsManClient client;
    private final String host;

    VirtualMachines(WsManClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /**
     * The one VM the reference names.
     *
     * @throws OperationFailedException if there is none, or (by name) more than one
     */
    public VirtualMachine resolve(VmRef ref) {
        if (ref.isGuid()) {
            try {
                return VirtualMachine.from(client.get(HyperVResources.COMPUTER_SYSTEM,
                        SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", ref.guid())));
            } catch (WsManFaultException e) {
                if (JobTracker.isNotFound(e.fault())) {
                    throw new OperationFailedException("no virtual machine with id " + ref.guid() + " on " + host);
                }
                throw e;
            }
        }
        List<VirtualMachine> found = query("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'"
                + " AND ElementName = " + Wql.literal(ref.value()));
        if (found.isEmpty()) {
            throw new OperationFailedException("no virtual machine named " + ref.value() + " on " + host,
                    "list them with: hyperv-wsman vms --host " + host);
        }
        if (found.size() > 1) {
            String list = found.stream().map(v -> v.id() + " (" + v.powerState() + ", "
                    + v.replicationMode().displayName() + ")").collect(Collectors.joining(", "));
            throw new OperationFailedException(found.size() + " virtual machines are named " + ref.value() + " on "
                    + host + ": " + list, "name the one you mean by its GUID: --vm <GUID>");
        }
        return found.get(0);
    }

    /** Every VM on the host (not the host itself). */
    public List<VirtualMachine> list() {
        return query("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'");
    }

    private List<VirtualMachine> query(String wql) {
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(wql))) {
            return e.stream().map(VirtualMachine::from).collect(Collectors.toList());
        }
    }

    /** The VM's primary relationship ({@code \HVR\0}), if it takes part in Replica. */
    public Optional<Relationship> primaryRelationship(VirtualMachine vm) {
        return relationships(vm).stream().filter(Relationship::isPrimaryRelationship).findFirst();
    }

    /** All of the VM's replication relationships. */
    public List<Relationship> relationships(VirtualMachine vm) {
        if (!HOST_GUID.matcher(vm.id()).matches()) {
            throw new OperationFailedException("the host reported a VM id that is not a GUID: " + vm.id());
        }
        String wql = "ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + vm.id()
                + "'} WHERE ResultClass = Msvm_ReplicationRelationship";
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(wql))) {
            return e.stream().map(Relationship::from).collect(Collectors.toList());
        }
    }

    /** Re-reads a VM by its GUID. */
    public VirtualMachine reread(VirtualMachine vm) {
        return resolve(VmRef.of(vm.id()));
    }
}
