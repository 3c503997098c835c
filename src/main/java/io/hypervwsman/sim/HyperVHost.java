package io.hypervwsman.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The state of root/virtualization/v2 on the simulated host: the host system, the replication service, VMs with
 * their relationships, and jobs. Every method holds {@link #lock} (its {@link ReplicaNetwork}'s, shared by the hosts of
 * a lab); jobs are settled against the injected clock before anything is read, so a job's effect lands at its due
 * time whether or not anyone polls.
 */
final class HyperVHost {
    static final String SERVICE_CLASS = "Msvm_ReplicationService";
    static final String MANAGEMENT_SERVICE_CLASS = "Msvm_VirtualSystemManagementService";
    static final String SYSTEM_REPLICATION_RELATIONSHIP = "Msvm_SystemReplicationRelationship";
    static final String REPLICA_SYSTEM_DEPENDENCY = "Msvm_ReplicaSystemDependency";
    static final String SNAPSHOT_OF_VIRTUAL_SYSTEM = "Msvm_SnapshotOfVirtualSystem";
    /** The association of a VM and its replication settings; its real name is unverified (clients need not name it). */
    static final String REPLICATION_SETTINGS_ASSOCIATION = "Msvm_ElementSettingData";
    /** Associates a job (AffectingElement) with the VM it works on (AffectedElement), as os-win reads it. */
    static final String AFFECTED_JOB_ELEMENT = "Msvm_AffectedJobElement";
    static final String VIRTUAL_SYSTEM_SETTING_DATA_COMPONENT = "Msvm_VirtualSystemSettingDataComponent";
    /** The association of an adapter and its failover settings; its real name is unverified (clients need not name it). */
    static final String FAILOVER_SETTINGS_ASSOCIATION = "Msvm_SettingDataComponent";
    /** The name of the peer Replica server in scenarios that do not give one. */
    static final String PEER = "HV02";

    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry(VirtualMachine.CLASS, Set.of("CreationClassName", "Name")),
            Map.entry(SERVICE_CLASS, Set.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName")),
            Map.entry(MANAGEMENT_SERVICE_CLASS,
                    Set.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName")),
            Map.entry(ReplicationLink.CLASS, Set.of("InstanceID")),
            Map.entry(ReplicationLink.SETTINGS_CLASS, Set.of("InstanceID")),
            Map.entry(VirtualMachine.SETTINGS_CLASS, Set.of("InstanceID")),
            Map.entry(SimulatedJob.CLASS, Set.of("InstanceID")),
            Map.entry(ReplicaServerState.SETTINGS_CLASS, Set.of("InstanceID")),
            Map.entry(ReplicaServerState.AUTHORIZATION_CLASS, Set.of("InstanceID")),
            Map.entry(NetworkAdapterState.PORT_CLASS, Set.of("InstanceID")),
            Map.entry(NetworkAdapterState.FAILOVER_CLASS, Set.of("InstanceID")),
            Map.entry(NetworkAdapterState.ALLOCATION_CLASS, Set.of("InstanceID")),
            Map.entry(VirtualMachine.SHUTDOWN_CLASS,
                    Set.of("CreationClassName", "DeviceID", "SystemCreationClassName", "SystemName")),
            Map.entry(VirtualMachine.HEARTBEAT_CLASS,
                    Set.of("CreationClassName", "DeviceID", "SystemCreationClassName", "SystemName")));

    final Scenario scenario;
    final Clock clock;
    final Supplier<UUID> ids;
    /** The Replica servers this host reaches (the other hosts of its lab; none when alone). */
    final ReplicaNetwork network;
    /** Guards this host's state; shared by all hosts of one network. */
    final Object lock;
    private final ReplicaServerState replicaServer;
    private final Map<String, VirtualMachine> vms = new LinkedHashMap<>();
    private final Map<String, SimulatedJob> jobs = new LinkedHashMap<>();
    /** Changes the host makes on its own at a due time, without a job (a guest shutting down). */
    private final List<Map.Entry<Instant, Runnable>> scheduled = new ArrayList<>();

    HyperVHost(Scenario scenario, Clock clock, Supplier<UUID> ids) {
        this(scenario, clock, ids, new ReplicaNetwork());
    }

    /** A host of {@code network}, whose lock it shares and whose other hosts it replicates with. */
    HyperVHost(Scenario scenario, Clock clock, Supplier<UUID> ids, ReplicaNetwork network) {
        this.network = network;
        this.lock = network;
        this.scenario = scenario;
        this.clock = clock;
        this.ids = ids;
        this.replicaServer = new ReplicaServerState(scenario.replicationServer());
        Instant now = clock.instant();
        for (Scenario.Vm v : scenario.vms()) {
            VirtualMachine vm = new VirtualMachine(v.id(), v.name(), v.power().enabledState(), v.replicationMode(),
                    v.behaviours(), now);
            for (Scenario.Relationship r : v.relationships()) {
                vm.relationships.add(new ReplicationLink(vm, vm.relationships.size(), r, machine(),
                        PEER + "." + scenario.dnsDomain()));
            }
            vm.recoveryPoints.addAll(v.recoveryPoints());
            vm.shutdownComponent = v.shutdownComponent();
            v.networkAdapters().forEach(a -> vm.networkAdapters.add(new NetworkAdapterState(vm, a)));
            if (vms.putIfAbsent(vm.id, vm) != null) {
                throw new io.hypervwsman.ConfigurationException("two VMs with id " + vm.id);
            }
        }
        network.join(this);
        for (Scenario.Vm v : scenario.vms()) {
            if (v.testReplicaOf() != null) {
                VirtualMachine replica = vms.values().stream()
                        .filter(r -> r.id.equalsIgnoreCase(v.testReplicaOf()) || r.name.equals(v.testReplicaOf()))
                        .findFirst().orElseThrow(() -> new io.hypervwsman.ConfigurationException(
                                "testReplicaOf " + v.testReplicaOf() + " names no VM"));
                vms.get(v.id().toUpperCase(Locale.ROOT)).testReplicaOf = replica.id;
            }
        }
    }

    String hostName() {
        return scenario.host();
    }

    String machine() {
        return scenario.host() + "." + scenario.dnsDomain();
    }

    /** Ends due jobs in due order, on this host and the others of its network, and runs due replication cycles. */
    void settle() {
        network.settleAll();
    }

    /** Ends this host's due jobs in due order and forgets jobs past TimeBeforeRemoval. */
    void settleOwn() {
        synchronized (lock) {
            Instant now = clock.instant();
            jobs.values().stream().filter(j -> !j.isFinished()).sorted(Comparator.comparing(SimulatedJob::due))
                    .forEach(j -> j.settle(now));
            jobs.values().removeIf(j -> j.isRemoved(now));
            List<Map.Entry<Instant, Runnable>> due = scheduled.stream().filter(e -> !now.isBefore(e.getKey()))
                    .sorted(Map.Entry.comparingByKey()).toList();
            scheduled.removeAll(due);
            due.forEach(e -> e.getValue().run());
        }
    }

    /** Has {@code change} happen at {@code at} (settled like a job's end). */
    void schedule(Instant at, Runnable change) {
        synchronized (lock) {
            scheduled.add(Map.entry(at, change));
        }
    }

    static Optional<String> knownClass(String className) {
        return KEYS.keySet().stream().filter(k -> k.equalsIgnoreCase(className)).findFirst();
    }

    /** All instances of a known class, in a stable order. */
    List<InstanceSnapshot> instances(String className) {
        synchronized (lock) {
            settle();
            Instant now = clock.instant();
            String c = knownClass(className).orElse("");
            List<InstanceSnapshot> out = new ArrayList<>();
            switch (c) {
                case VirtualMachine.CLASS -> {
                    out.add(VirtualMachine.hostSnapshot(hostName()));
                    vms.values().forEach(vm -> out.add(vm.snapshot()));
                }
                case SERVICE_CLASS -> out.add(serviceSnapshot());
                case MANAGEMENT_SERVICE_CLASS -> out.add(managementServiceSnapshot());
                case ReplicationLink.CLASS -> vms.values().forEach(vm -> vm.relationships.forEach(l -> out.add(l.snapshot())));
                case ReplicationLink.SETTINGS_CLASS ->
                        vms.values().forEach(vm -> vm.relationships.forEach(l -> out.add(l.settingsSnapshot())));
                case VirtualMachine.SETTINGS_CLASS -> vms.values().forEach(vm -> {
                    out.add(vm.realizedSettings());
                    vm.recoveryPoints.forEach(r -> out.add(vm.snapshotSettings(r)));
                });
                case SimulatedJob.CLASS -> jobs.values().forEach(j -> out.add(j.snapshot(now)));
                case VirtualMachine.SHUTDOWN_CLASS -> vms.values().stream()
                        .filter(vm -> vm.shutdownComponent && vm.enabledState == Scenario.Power.RUNNING.enabledState())
                        .forEach(vm -> out.add(vm.shutdownSnapshot()));
                case VirtualMachine.HEARTBEAT_CLASS -> vms.values().stream()
                        .filter(vm -> vm.enabledState == Scenario.Power.RUNNING.enabledState())
                        .forEach(vm -> out.add(vm.heartbeatSnapshot(now)));
                case ReplicaServerState.SETTINGS_CLASS -> out.add(replicaServer.settingsSnapshot());
                case ReplicaServerState.AUTHORIZATION_CLASS -> out.addAll(replicaServer.authorizationSnapshots());
                case NetworkAdapterState.PORT_CLASS ->
                        vms.values().forEach(vm -> vm.networkAdapters.forEach(a -> out.add(a.portSnapshot())));
                case NetworkAdapterState.ALLOCATION_CLASS ->
                        vms.values().forEach(vm -> vm.networkAdapters.forEach(a -> out.add(a.allocationSnapshot())));
                case NetworkAdapterState.FAILOVER_CLASS ->
                        vms.values().forEach(vm -> vm.networkAdapters.forEach(a -> out.add(a.failoverSnapshot())));
                default -> Associations.knownAssociation(className)
                        .ifPresent(a -> out.addAll(Associations.instances(links(), a)));
            }
            return out;
        }
    }

    /** The instance a Get addresses. */
    InstanceSnapshot get(String className, SelectorValues selectors) {
        synchronized (lock) {
            String c = knownClass(className).orElseThrow(() -> WsManFaults.notFound("GetObject", className));
            if (!selectors.hasExactly(KEYS.get(c))) {
                throw WsManFaults.invalidSelectors();
            }
            return instances(c).stream().filter(i -> matchesKeys(i, selectors)).findFirst()
                    .orElseThrow(() -> WsManFaults.notFound("GetObject", path(c, selectors)));
        }
    }

    private static boolean matchesKeys(InstanceSnapshot instance, SelectorValues selectors) {
        return instance.keys().entrySet().stream()
                .allMatch(k -> selectors.get(k.getKey()).map(v -> v.equalsIgnoreCase(k.getValue())).orElse(false));
    }

    private static String path(String className, SelectorValues selectors) {
        StringBuilder s = new StringBuilder(className).append('.');
        String sep = "";
        for (Map.Entry<String, String> e : selectors.values().entrySet()) {
            if (!e.getKey().startsWith("__")) {
                s.append(sep).append(e.getKey()).append("=\"").append(e.getValue()).append('"');
                sep = ",";
            }
        }
        return s.toString();
    }

    /** The objects associated with the source of an ASSOCIATORS OF query. */
    List<InstanceSnapshot> associators(WqlQuery.Associators q) {
        synchronized (lock) {
            checkSource(q.sourceClass(), q.sourceKeys());
            return Associations.associators(links(), q);
        }
    }

    /** The association instances that refer to the source of a REFERENCES OF query. */
    List<InstanceSnapshot> references(WqlQuery.References q) {
        synchronized (lock) {
            checkSource(q.sourceClass(), q.sourceKeys());
            return Associations.references(links(), q);
        }
    }

    private static void checkSource(String sourceClass, Map<String, String> sourceKeys) {
        Optional<String> source = knownClass(sourceClass);
        if (source.isEmpty() || !SelectorValues.of(sourceKeys).hasExactly(KEYS.get(source.get()))) {
            throw WsManFaults.cannotProcessFilter("the object path {" + sourceClass + "...} is not valid");
        }
    }

    /** Every association instance on the host now: the relationships the state above implies. */
    List<Associations.Link> links() {
        synchronized (lock) {
            settle();
            Instant now = clock.instant();
            List<Associations.Link> out = new ArrayList<>();
            for (VirtualMachine vm : vms.values()) {
                InstanceSnapshot system = vm.snapshot();
                InstanceSnapshot realized = vm.realizedSettings();
                out.add(new Associations.Link(Associations.SETTINGS_DEFINE_STATE, "ManagedElement", system,
                        "SettingData", realized));
                for (ReplicationLink l : vm.relationships) {
                    out.add(new Associations.Link(SYSTEM_REPLICATION_RELATIONSHIP, "Antecedent", system, "Dependent",
                            l.snapshot()));
                    out.add(new Associations.Link(REPLICATION_SETTINGS_ASSOCIATION, "ManagedElement", system,
                            "SettingData", l.settingsSnapshot()));
                }
                vm.recoveryPoints.forEach(r -> out.add(new Associations.Link(SNAPSHOT_OF_VIRTUAL_SYSTEM, "Antecedent",
                        system, "Dependent", vm.snapshotSettings(r))));
                jobs.values().stream().filter(j -> vm.id.equalsIgnoreCase(j.affectedVmId)).forEach(j -> out.add(
                        new Associations.Link(AFFECTED_JOB_ELEMENT, "AffectedElement", system, "AffectingElement",
                                j.snapshot(now))));
                // Which end of Msvm_ReplicaSystemDependency is the test VM is not documented: here the test VM depends
                // on the replica (Dependent).
                vms.values().stream().filter(o -> vm.id.equals(o.testReplicaOf)).forEach(o -> out.add(
                        new Associations.Link(REPLICA_SYSTEM_DEPENDENCY, "Antecedent", system, "Dependent",
                                o.snapshot())));
                if (vm.shutdownComponent && vm.enabledState == Scenario.Power.RUNNING.enabledState()) {
                    out.add(new Associations.Link(Associations.SYSTEM_DEVICE, "GroupComponent", system, "PartComponent",
                            vm.shutdownSnapshot()));
                }
                for (NetworkAdapterState a : vm.networkAdapters) {
                    InstanceSnapshot port = a.portSnapshot();
                    out.add(new Associations.Link(VIRTUAL_SYSTEM_SETTING_DATA_COMPONENT, "GroupComponent", realized,
                            "PartComponent", port));
                    out.add(new Associations.Link(VIRTUAL_SYSTEM_SETTING_DATA_COMPONENT, "GroupComponent", realized,
                            "PartComponent", a.allocationSnapshot()));
                    out.add(new Associations.Link(FAILOVER_SETTINGS_ASSOCIATION, "GroupComponent", port,
                            "PartComponent", a.failoverSnapshot()));
                }
            }
            return out;
        }
    }

    /** The VM addressed by Msvm_ComputerSystem keys (not the host itself). */
    Optional<VirtualMachine> findVm(SelectorValues keys) {
        synchronized (lock) {
            if (!keys.get("CreationClassName").map(VirtualMachine.CLASS::equalsIgnoreCase).orElse(false)) {
                return Optional.empty();
            }
            return keys.get("Name").map(n -> vms.get(n.toUpperCase(Locale.ROOT)));
        }
    }

    List<VirtualMachine> vmsNamed(String name) {
        synchronized (lock) {
            settle();
            return vms.values().stream().filter(v -> v.name.equals(name)).toList();
        }
    }

    Optional<VirtualMachine> vm(String id) {
        synchronized (lock) {
            settle();
            return Optional.ofNullable(vms.get(id.toUpperCase(Locale.ROOT)));
        }
    }

    /** The VM {@code id} without settling first (for the effects of a job on the other side of a relationship). */
    Optional<VirtualMachine> vmById(String id) {
        synchronized (lock) {
            return Optional.ofNullable(vms.get(id.toUpperCase(Locale.ROOT)));
        }
    }

    /** Every VM, without settling first. */
    List<VirtualMachine> vmsUnsettled() {
        synchronized (lock) {
            return List.copyOf(vms.values());
        }
    }

    /** Every network adapter of every VM. */
    List<NetworkAdapterState> adapters() {
        synchronized (lock) {
            return vms.values().stream().flatMap(vm -> vm.networkAdapters.stream()).toList();
        }
    }

    void addVm(VirtualMachine vm) {
        synchronized (lock) {
            vms.put(vm.id, vm);
        }
    }

    void removeVm(VirtualMachine vm) {
        synchronized (lock) {
            vms.remove(vm.id);
        }
    }

    void addJob(SimulatedJob job) {
        synchronized (lock) {
            jobs.put(job.id, job);
        }
    }

    /** The Replica server settings and authorization entries (changed by {@link ReplicaServerMethods}). */
    ReplicaServerState replicaServer() {
        return replicaServer;
    }

    /** A new job's InstanceID. */
    String newJobId() {
        return ReplyEnvelope.upper(ids.get());
    }

    /** Adds {@code job} and answers 4096 with its EPR as the Job out parameter, beside {@code outputs}. */
    MethodResult started(SimulatedJob job, Map<String, List<String>> outputs) {
        synchronized (lock) {
            addJob(job);
            Map<String, String> selectors = new LinkedHashMap<>();
            selectors.put("InstanceID", job.id);
            selectors.put("__cimnamespace", WsManUris.CIM_NAMESPACE);
            Map<String, List<String>> all = new java.util.HashMap<>(outputs);
            all.put("Job", List.of(InstanceSnapshot.eprContent(WsManUris.classUri(SimulatedJob.CLASS), selectors)));
            return new MethodResult(MethodResult.JOB_STARTED, all);
        }
    }

    Optional<SimulatedJob> job(String id) {
        synchronized (lock) {
            settle();
            return Optional.ofNullable(jobs.get(id.toUpperCase(Locale.ROOT)));
        }
    }

    List<SimulatedJob> jobs() {
        synchronized (lock) {
            settle();
            return List.copyOf(jobs.values());
        }
    }

    /** Msvm_VirtualSystemManagementService ("vmms"): here only for DestroySystem. */
    InstanceSnapshot managementServiceSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", "Virtual System Management Service");
        p.put("CreationClassName", MANAGEMENT_SERVICE_CLASS);
        p.put("ElementName", "Virtual System Management Service");
        p.put("EnabledState", 2);
        p.put("HealthState", 5);
        p.put("Name", "vmms");
        p.put("OperationalStatus", List.of(2));
        p.put("Started", true);
        p.put("SystemCreationClassName", VirtualMachine.CLASS);
        p.put("SystemName", hostName());
        return InstanceSnapshot.of(MANAGEMENT_SERVICE_CLASS, p,
                List.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName"));
    }

    InstanceSnapshot serviceSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AvailableRequestedStates", null);
        p.put("Caption", "Hyper-V Replica Service");
        p.put("CommunicationStatus", null);
        p.put("CreationClassName", SERVICE_CLASS);
        p.put("Description", "Replication Service");
        p.put("DetailedStatus", null);
        p.put("ElementName", "Hyper-V Replica Service");
        p.put("EnabledDefault", 2);
        p.put("EnabledState", 2);
        p.put("HealthState", 5);
        p.put("InstallDate", null);
        p.put("InstanceID", null);
        p.put("Name", "replicasvc");
        p.put("OperatingStatus", null);
        p.put("OperationalStatus", List.of(2));
        p.put("OtherEnabledState", null);
        p.put("PrimaryOwnerContact", null);
        p.put("PrimaryOwnerName", null);
        p.put("PrimaryStatus", null);
        p.put("RequestedState", 12);
        p.put("Started", true);
        p.put("StartMode", null);
        p.put("Status", "OK");
        p.put("StatusDescriptions", List.of("The replication service is operating normally"));
        p.put("SystemCreationClassName", VirtualMachine.CLASS);
        p.put("SystemName", hostName());
        p.put("TimeOfLastStateChange", null);
        p.put("TransitioningToState", null);
        return InstanceSnapshot.of(SERVICE_CLASS, p,
                List.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName"));
    }
}
