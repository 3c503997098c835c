package io.hypervwsman.hyperv;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.Wql;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
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
     * @throws VmNotFoundException if there is none
     * @throws AmbiguousVmException if (by name) there are several
     */
    public VirtualMachine resolve(VmRef ref) {
        if (ref.isGuid()) {
            try {
                return VirtualMachine.from(client.get(HyperVResources.COMPUTER_SYSTEM,
                        SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", ref.guid())));
            } catch (WsManFaultException e) {
                if (JobTracker.isNotFound(e.fault())) {
                    throw new VmNotFoundException("no virtual machine with id " + ref.guid() + " on " + host,
                            ref.value(), null);
                }
                throw e;
            }
        }
        List<VirtualMachine> found = query("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'"
                + " AND ElementName = " + Wql.literal(ref.value()));
        if (found.isEmpty()) {
            throw new VmNotFoundException("no virtual machine named " + ref.value() + " on " + host, ref.value(),
                    Hint.of(Hint.Kind.LIST_VMS, host));
        }
        if (found.size() > 1) {
            String list = found.stream().map(v -> v.id() + " (" + v.powerState() + ", "
                    + v.replicationMode().displayName() + ")").collect(Collectors.joining(", "));
            throw new AmbiguousVmException(found.size() + " virtual machines are named " + ref.value() + " on "
                    + host + ": " + list, found);
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

    /**
     * The VM's guest heartbeat: its Msvm_HeartbeatComponent, found by SystemName (the VM's GUID), or
     * {@link Heartbeat#NONE} when it has none (a VM that is not running has no such device).
     */
    public Heartbeat heartbeat(VirtualMachine vm) {
        if (!HOST_GUID.matcher(vm.id()).matches()) {
            throw new OperationFailedException("the host reported a VM id that is not a GUID: " + vm.id());
        }
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(
                "SELECT * FROM Msvm_HeartbeatComponent WHERE SystemName = '" + vm.id() + "'"))) {
            return e.stream().findFirst().map(i -> new Heartbeat(i.numbers("OperationalStatus")))
                    .orElse(Heartbeat.NONE);
        }
    }

    /** The VM's primary relationship ({@code \HVR\0}), if it takes part in Replica. */
    public Optional<Relationship> primaryRelationship(VirtualMachine vm) {
        return relationships(vm).stream().filter(Relationship::isPrimaryRelationship).findFirst();
    }

    /** All of the VM's replication relationships. */
    public List<Relationship> relationships(VirtualMachine vm) {
        return relationships(vm.id());
    }

    /**
     * The primary relationship of the VM whose GUID is {@code vmId}, in one query and without reading the VM (for a
     * caller that already knows it, e.g. a plan's resolved VM).
     */
    public Optional<Relationship> primaryRelationship(String vmId) {
        return relationships(vmId).stream().filter(Relationship::isPrimaryRelationship).findFirst();
    }

    private List<Relationship> relationships(String vmId) {
        if (!HOST_GUID.matcher(vmId).matches()) {
            throw new OperationFailedException("the host reported a VM id that is not a GUID: " + vmId);
        }
        String wql = "ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + vmId
                + "'} WHERE ResultClass = Msvm_ReplicationRelationship";
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(wql))) {
            return e.stream().map(Relationship::from).collect(Collectors.toList());
        }
    }

    /**
     * The VM's Msvm_ReplicationSettingData for its primary relationship: the one instance, or among several the
     * one whose InstanceID ends in {@code \HVR} or {@code \HVR\0}.
     */
    public ReplicationSettings replicationSettings(VirtualMachine vm) {
        List<CimInstance> all;
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL,
                EnumerateOptions.wql(associators(vm, null, ReplicationSettings.CLASS)))) {
            all = e.stream().collect(Collectors.toList());
        }
        if (all.size() > 1) {
            all = all.stream().filter(i -> i.string("InstanceID").map(id -> id.endsWith("\\HVR")
                    || id.endsWith("\\HVR\\0")).orElse(false)).collect(Collectors.toList());
        }
        if (all.size() != 1) {
            throw new OperationFailedException(all.isEmpty() ? vm.name() + " has no replication settings on " + host
                    + " (is it replicated?)" : vm.name() + " has " + all.size() + " primary replication settings on "
                    + host + "; cannot tell which to use");
        }
        return new ReplicationSettings(all.get(0));
    }

    /** The VM's snapshots (for a replica: its recovery points), newest first when the host dates them. */
    public List<RecoveryPoint> recoveryPoints(VirtualMachine vm) {
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(
                associators(vm, "Msvm_SnapshotOfVirtualSystem", "Msvm_VirtualSystemSettingData")))) {
            return e.stream().map(RecoveryPoint::from)
                    .sorted(java.util.Comparator.comparing(RecoveryPoint::created,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                    .collect(Collectors.toList());
        }
    }

    /**
     * The recovery point {@code nameOrId} names: its InstanceID (any case) or its exact name.
     *
     * @throws OperationFailedException if none or several match
     */
    public RecoveryPoint recoveryPoint(VirtualMachine vm, String nameOrId) {
        List<RecoveryPoint> points = recoveryPoints(vm);
        List<RecoveryPoint> byId = points.stream().filter(p -> p.instanceId().equalsIgnoreCase(nameOrId))
                .collect(Collectors.toList());
        List<RecoveryPoint> found = byId.isEmpty() ? points.stream().filter(p -> p.name().equals(nameOrId))
                .collect(Collectors.toList()) : byId;
        if (found.isEmpty()) {
            String some = points.stream().limit(10).map(RecoveryPoint::describe).collect(Collectors.joining(", "));
            throw new OperationFailedException("no recovery point named " + nameOrId + " for " + vm.name() + " on "
                    + host + (points.isEmpty() ? "; it has none" : "; it has " + points.size() + ": " + some
                    + (points.size() > 10 ? ", ..." : "")), Hint.of(Hint.Kind.CHOOSE_RECOVERY_POINT));
        }
        if (found.size() > 1) {
            throw new OperationFailedException(found.size() + " recovery points of " + vm.name() + " are named "
                    + nameOrId + ": " + found.stream().map(RecoveryPoint::describe).collect(Collectors.joining(", ")),
                    Hint.of(Hint.Kind.NAME_RECOVERY_POINT_BY_ID));
        }
        return found.get(0);
    }

    private String associators(VirtualMachine vm, String assocClass, String resultClass) {
        if (!HOST_GUID.matcher(vm.id()).matches()) {
            throw new OperationFailedException("the host reported a VM id that is not a GUID: " + vm.id());
        }
        return "ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + vm.id()
                + "'} WHERE " + (assocClass == null ? "" : "AssocClass = " + assocClass + " ") + "ResultClass = "
                + resultClass;
    }

    /**
     * Every primary relationship ({@code \HVR\0}) on the host, by VM GUID (upper case), in one enumeration: for
     * listings, instead of one ASSOCIATORS OF query per VM. The GUID is read from the documented InstanceID form
     * {@code Microsoft:<vmid>\HVR\<n>}.
     */
    public java.util.Map<String, Relationship> primaryRelationshipsByVm() {
        java.util.Map<String, Relationship> byVm = new java.util.HashMap<>();
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationRelationship"))) {
            e.stream().map(Relationship::from).filter(Relationship::isPrimaryRelationship)
                    .forEach(r -> vmIdOf(r.instanceId()).ifPresent(id -> byVm.put(id, r)));
        }
        return byVm;
    }

    /**
     * Every VM's primary replication settings on the host, by VM GUID (upper case), in one enumeration; the GUID is
     * VirtualSystemIdentifier, or else read from the InstanceID ({@code Microsoft:<vmid>\HVR}).
     */
    public java.util.Map<String, ReplicationSettings> replicationSettingsByVm() {
        java.util.Map<String, ReplicationSettings> byVm = new java.util.HashMap<>();
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM " + ReplicationSettings.CLASS))) {
            e.stream().forEach(i -> {
                String instanceId = i.string("InstanceID").orElse("");
                if (instanceId.endsWith("\\HVR") || instanceId.endsWith("\\HVR\\0")) {
                    i.string("VirtualSystemIdentifier").filter(HOST_GUID.asPredicate())
                            .map(v -> v.toUpperCase(java.util.Locale.ROOT)).or(() -> vmIdOf(instanceId))
                            .ifPresent(id -> byVm.put(id, new ReplicationSettings(i)));
                }
            });
        }
        return byVm;
    }

    private static Optional<String> vmIdOf(String instanceId) {
        String rest = instanceId.startsWith("Microsoft:") ? instanceId.substring("Microsoft:".length()) : "";
        int end = rest.indexOf('\\');
        String id = end < 0 ? rest : rest.substring(0, end);
        return HOST_GUID.matcher(id).matches() ? Optional.of(id.toUpperCase(java.util.Locale.ROOT))
                : Optional.empty();
    }

    /** Re-reads a VM by its GUID. */
    public VirtualMachine reread(VirtualMachine vm) {
        return resolve(VmRef.of(vm.id()));
    }
}
