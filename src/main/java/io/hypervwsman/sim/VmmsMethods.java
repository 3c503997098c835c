package io.hypervwsman.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WMI methods the simulated VMMS implements, with Hyper-V Replica's preconditions (hyperv-replica.md 2.4-2.7)
 * and the job each one starts. Called with the host's lock held.
 */
final class VmmsMethods {
    private static final Set<Integer> REPLICA_MODES = Set.of(2, 4);
    private static final int PRIMARY = 1;

    private static final SimulatedJob.Kind REVERT = new SimulatedJob.Kind(98, "Reverting failover",
            "Reverting failover of the virtual machine");
    private static final SimulatedJob.Kind INITIATE = new SimulatedJob.Kind(97, "Initiating failover",
            "Initiating failover of the virtual machine");
    private static final SimulatedJob.Kind COMMIT = new SimulatedJob.Kind(99, "Committing failover",
            "Committing failover of the virtual machine");
    private static final SimulatedJob.Kind TEST = new SimulatedJob.Kind(102, "Initiating test failover",
            "Creating a test virtual machine from a recovery point");
    private static final SimulatedJob.Kind REMOVE_TEST = new SimulatedJob.Kind(103, "Removing test replica",
            "Removing the test replica virtual machine");
    private static final SimulatedJob.Kind REVERSE = new SimulatedJob.Kind(104, "Reversing replication",
            "Reversing the replication relationship of the virtual machine");
    private static final SimulatedJob.Kind RESYNC = new SimulatedJob.Kind(107, "Resynchronizing",
            "Resynchronizing the virtual machine");
    private static final SimulatedJob.Kind CREATE = new SimulatedJob.Kind(94, "Enabling replication",
            "Creating the replication relationship of the virtual machine");
    private static final SimulatedJob.Kind START_REPLICATION = new SimulatedJob.Kind(95, "Starting replication",
            "Starting the initial replication of the virtual machine");
    private static final SimulatedJob.Kind MODIFY = new SimulatedJob.Kind(92, "Modifying replication settings",
            "Modifying the replication settings of the virtual machine");
    private static final SimulatedJob.Kind FAILOVER_NETWORK = new SimulatedJob.Kind(93,
            "Setting failover network settings", "Setting the failover IP settings of the virtual machine");
    private static final SimulatedJob.Kind REMOVE = new SimulatedJob.Kind(105, "Removing replication",
            "Removing the replication relationship of the virtual machine");
    private static final SimulatedJob.Kind REPLICATION_STATE = new SimulatedJob.Kind(96, "Changing replication state",
            "Changing the replication state of the virtual machine");

    private final HyperVHost host;

    VmmsMethods(HyperVHost host) {
        this.host = host;
    }

    /** Runs {@code method} on {@code target}, an instance already found by its selectors. */
    MethodResult invoke(InstanceSnapshot target, String method, MethodInput input) {
        return switch (target.className() + "." + method) {
            case "Msvm_ReplicationService.RevertFailover" -> withVm(input, "RevertFailover", this::revertFailover);
            case "Msvm_ReplicationService.InitiateFailover" -> withVm(input, "InitiateFailover", (vm, m) -> initiateFailover(vm, m, input));
            case "Msvm_ReplicationService.CommitFailover" -> withVm(input, "CommitFailover", this::commitFailover);
            case "Msvm_ReplicationService.TestReplicaSystem" -> withVm(input, "TestReplicaSystem", (vm, m) -> testReplica(vm, m, input));
            case "Msvm_ReplicationService.Resynchronize" -> withVm(input, "Resynchronize", this::resynchronize);
            case "Msvm_ReplicationService.ReverseReplicationRelationship" ->
                    withVm(input, "ReverseReplicationRelationship", (vm, m) -> reverse(vm, m, input));
            case "Msvm_ReplicationService.CreateReplicationRelationship" ->
                    withVm(input, "CreateReplicationRelationship", (vm, m) -> createRelationship(vm, m, input));
            case "Msvm_ReplicationService.StartReplication" ->
                    withVm(input, "StartReplication", (vm, m) -> startReplication(vm, m, input));
            case "Msvm_ReplicationService.ModifyReplicationSettings" ->
                    withVm(input, "ModifyReplicationSettings", (vm, m) -> modifySettings(vm, m, input));
            case "Msvm_ReplicationService.SetFailoverNetworkAdapterSettings" ->
                    withVm(input, "SetFailoverNetworkAdapterSettings", (vm, m) -> setFailoverNetwork(vm, m, input));
            case "Msvm_ReplicationService.RemoveReplicationRelationship" ->
                    withVm(input, "RemoveReplicationRelationship", this::removeRelationship);
            case "Msvm_ReplicationService.GetReplicationStatistics" ->
                    withVm(input, "GetReplicationStatistics", (vm, m) -> statistics(vm, Optional.empty()));
            case "Msvm_ReplicationService.GetReplicationStatisticsEx" -> withVm(input, "GetReplicationStatisticsEx",
                    (vm, m) -> statistics(vm, Optional.of(input.string("ReplicationRelationship").orElse(""))));
            case "Msvm_VirtualSystemManagementService.DestroySystem" -> destroySystem(input);
            case "Msvm_VirtualSystemManagementService.ModifyResourceSettings" -> modifyResourceSettings(input);
            case "Msvm_ComputerSystem.RequestStateChange" -> onVm(target, vm -> requestStateChange(vm, input));
            case "Msvm_ComputerSystem.RequestReplicationStateChange" ->
                    onVm(target, vm -> replicationStateChange(vm, input, "RequestReplicationStateChange"));
            case "Msvm_ComputerSystem.RequestReplicationStateChangeEx" ->
                    onVm(target, vm -> replicationStateChange(vm, input, "RequestReplicationStateChangeEx"));
            case "Msvm_ShutdownComponent.InitiateShutdown" -> host.findVm(SelectorValues.of(Map.of("CreationClassName",
                    VirtualMachine.CLASS, "Name", target.keys().get("SystemName")))).map(vm -> initiateShutdown(vm, input))
                    .orElse(MethodResult.of(MethodResult.INVALID_STATE));
            case "Msvm_ConcreteJob.GetErrorEx" -> jobErrors(target, "Errors", Integer.MAX_VALUE);
            case "Msvm_ConcreteJob.GetError" -> jobErrors(target, "Error", 1);
            default -> throw WsManFaults.actionNotSupported(target.resourceUri() + "/" + method);
        };
    }

    private interface VmMethod {
        MethodResult call(VirtualMachine vm, String method);
    }

    private MethodResult withVm(MethodInput input, String method, VmMethod body) {
        Optional<VirtualMachine> vm = input.reference("ComputerSystem")
                .filter(r -> r.resourceUri().equalsIgnoreCase(WsManUris.classUri(VirtualMachine.CLASS)))
                .flatMap(r -> host.findVm(r.selectors()));
        return vm.map(v -> body.call(v, method)).orElse(MethodResult.of(MethodResult.INVALID_PARAMETER));
    }

    private MethodResult onVm(InstanceSnapshot target, java.util.function.Function<VirtualMachine, MethodResult> body) {
        return host.findVm(SelectorValues.of(target.keys())).map(body)
                .orElse(MethodResult.of(MethodResult.INVALID_STATE));
    }

    private MethodResult revertFailover(VirtualMachine vm, String method) {
        ReplicationLink link = vm.primaryLink();
        boolean replicaFailedOver = REPLICA_MODES.contains(vm.replicationMode) && link != null
                && (link.state == 5 || link.state == 12);
        boolean primaryPrepared = vm.replicationMode == PRIMARY && link != null && link.state == 4;
        if (!(replicaFailedOver || primaryPrepared) || !vm.isOff()) {
            return wrongState(vm, method, REVERT);
        }
        return startJob(vm, method, REVERT, () -> { }, () -> {
            link.state = 3;
            link.failedOverReplicationType = 0;
        }, () -> { }, Map.of());
    }

    /** Whether a SnapshotSettingData reference names one of {@code vm}'s recovery points, by its exact keys. */
    private static boolean isRecoveryPointOf(VirtualMachine vm, MethodInput.Reference ref) {
        if (!ref.resourceUri().equalsIgnoreCase(WsManUris.classUri(VirtualMachine.SETTINGS_CLASS))) {
            return false;
        }
        SelectorValues keys = ref.selectors();
        return keys.hasExactly(Set.of("InstanceID")) && vm.recoveryPoints.stream().anyMatch(
                p -> VirtualMachine.snapshotInstanceId(p).equalsIgnoreCase(keys.get("InstanceID").orElse("")));
    }

    private MethodResult initiateFailover(VirtualMachine vm, String method, MethodInput input) {
        ReplicationLink link = vm.primaryLink();
        if (!REPLICA_MODES.contains(vm.replicationMode) || link == null || !Set.of(3, 7, 10, 15).contains(link.state)
                || link.lastReplicationTime == null || !vm.isOff()) {
            return wrongState(vm, method, INITIATE);
        }
        Optional<MethodInput.Reference> point = input.reference("SnapshotSettingData");
        if (point.isPresent() && !isRecoveryPointOf(vm, point.get())) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        int before = link.state;
        String to = point.map(p -> p.selectors().get("InstanceID").orElse("")).orElse("latest");
        Optional<ReplicaNetwork.Counterpart> primary = host.network.counterpart(host, vm)
                .filter(c -> c.reachable() && c.vm().replicationMode == PRIMARY);
        if (primary.isPresent() && !primary.get().vm().isOff()) {
            return failingJob(vm, method, INITIATE, (int) MethodResult.INVALID_STATE, "The primary virtual machine '"
                    + vm.name + "' is running on '" + primary.get().host().machine() + "'. Shut it down and prepare a"
                    + " planned failover on the primary server, or fail over only when the primary is lost.");
        }
        // Planned: the primary was prepared and sent its last changes (LastReplicationType 3 Planned) to this replica.
        boolean planned = primary.map(c -> c.link() != null && c.link().state == 4).orElse(false)
                && link.lastReplicationType == 3;
        return startJob(vm, method, INITIATE, () -> link.state = 12, () -> {
            link.state = 5;
            link.failedOverTo = to;
            link.failedOverReplicationType = planned ? 3 : 1;
        }, () -> link.state = before, Map.of());
    }

    private MethodResult commitFailover(VirtualMachine vm, String method) {
        ReplicationLink link = vm.primaryLink();
        if (!REPLICA_MODES.contains(vm.replicationMode) || link == null || link.state != 5) {
            return wrongState(vm, method, COMMIT);
        }
        // "flattens the recovery points on the recovery virtual machine by applying the recovery snapshot"
        return startJob(vm, method, COMMIT, () -> { }, () -> {
            link.state = 6;
            vm.recoveryPoints.clear();
        }, () -> { }, Map.of());
    }

    private MethodResult testReplica(VirtualMachine vm, String method, MethodInput input) {
        ReplicationLink link = vm.primaryLink();
        boolean hasTestVm = host.vmsNamed(vm.name + " - Test").stream().anyMatch(t -> vm.id.equals(t.testReplicaOf));
        if (!REPLICA_MODES.contains(vm.replicationMode) || link == null || !Set.of(3, 7).contains(link.state)
                || hasTestVm) {
            return wrongState(vm, method, TEST);
        }
        Optional<MethodInput.Reference> point = input.reference("SnapshotSettingData");
        if (point.isPresent() && !isRecoveryPointOf(vm, point.get())) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        Instant now = host.clock.instant();
        VirtualMachine test = new VirtualMachine(ReplyEnvelope.upper(host.ids.get()), vm.name + " - Test",
                Scenario.Power.OFF.enabledState(), 3, Map.of(), now);
        test.testReplicaOf = vm.id;
        host.addVm(test);
        return startJob(vm, method, TEST, () -> { }, () -> { }, () -> host.removeVm(test),
                Map.of("ResultingSystem", List.of(test.snapshot().eprContent())));
    }

    /**
     * ModifyResourceSettings(ResourceSettings[]): here only a VM's Msvm_EthernetPortAllocationSettingData, by its
     * InstanceID, and only its TestReplicaSwitchName; anything else is 32773 (the real method changes any RASD).
     */
    private MethodResult modifyResourceSettings(MethodInput input) {
        Map<NetworkAdapterState, String> changes = new java.util.LinkedHashMap<>();
        for (String text : input.strings("ResourceSettings")) {
            Optional<EmbeddedSettings> e = EmbeddedSettings.read(text)
                    .filter(x -> x.className().equalsIgnoreCase(NetworkAdapterState.ALLOCATION_CLASS));
            Optional<NetworkAdapterState> adapter = e.flatMap(x -> x.value("InstanceID")).flatMap(id -> host.adapters()
                    .stream().filter(a -> a.allocationInstanceId().equalsIgnoreCase(id)).findFirst());
            if (adapter.isEmpty()) {
                return MethodResult.of(MethodResult.INVALID_PARAMETER);
            }
            changes.put(adapter.get(), e.get().value("TestReplicaSwitchName").orElse(null));
        }
        if (changes.isEmpty()) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        VirtualMachine vm = changes.keySet().iterator().next().vm;
        return startJob(vm, "ModifyResourceSettings", new SimulatedJob.Kind(40, "Modifying resource settings",
                "Modifying the resource settings of the virtual machine"), () -> { },
                () -> changes.forEach((a, name) -> a.testReplicaSwitchName = name), () -> { }, Map.of());
    }

    /** DestroySystem(AffectedSystem): deletes a VM that is off; for a test replica that ends the test failover. */
    private MethodResult destroySystem(MethodInput input) {
        Optional<VirtualMachine> found = input.reference("AffectedSystem")
                .filter(r -> r.resourceUri().equalsIgnoreCase(WsManUris.classUri(VirtualMachine.CLASS)))
                .flatMap(r -> host.findVm(r.selectors()));
        if (found.isEmpty()) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        VirtualMachine vm = found.get();
        if (vm.enabledState != 3) {
            return MethodResult.of(MethodResult.INVALID_STATE);
        }
        SimulatedJob.Kind kind = vm.testReplicaOf != null ? REMOVE_TEST
                : new SimulatedJob.Kind(3, "Destroying virtual machine", "Destroying the virtual machine");
        return startJob(vm, "DestroySystem", kind, () -> { }, () -> host.removeVm(vm), () -> { }, Map.of());
    }

    private MethodResult resynchronize(VirtualMachine vm, String method) {
        ReplicationLink link = vm.primaryLink();
        if (vm.replicationMode == 0 || vm.replicationMode == 3 || link == null
                || !Set.of(8, 9, 11).contains(link.state)) {
            return wrongState(vm, method, RESYNC);
        }
        int before = link.state;
        return startJob(vm, method, RESYNC, () -> link.state = 10, () -> link.state = 3, () -> link.state = before,
                Map.of());
    }

    /**
     * ReverseReplicationRelationship(ComputerSystem, ReplicationSettingData): the settings must be a well-formed
     * embedded Msvm_ReplicationSettingData naming another server to replicate to, else 32773. Allowed on a replica
     * whose failover is committed, or recovered from a planned failover. Afterwards the VM is the primary: ready
     * for initial replication, or replicating after a planned failover (the old primary has the data).
     */
    private MethodResult reverse(VirtualMachine vm, String method, MethodInput input) {
        Optional<EmbeddedSettings> settings = replicationSettings(input);
        Optional<String> target = otherHost(settings);
        if (target.isEmpty()) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        ReplicationLink link = vm.primaryLink();
        boolean planned = link != null && link.state == 5 && link.failedOverReplicationType == 3;
        if (!REPLICA_MODES.contains(vm.replicationMode) || link == null || !(link.state == 6 || planned)) {
            return wrongState(vm, method, REVERSE);
        }
        Optional<Integer> port = settings.get().value("RecoveryServerPortNumber").map(Integer::valueOf);
        Optional<Integer> auth = settings.get().value("AuthenticationType").map(Integer::valueOf);
        Optional<ReplicaNetwork.Counterpart> oldPrimary = host.network.on(target.get(), vm.id);
        if (planned && host.network.server(target.get()).isPresent()) {
            Optional<String> problem = notPrepared(vm, target.get(), oldPrimary);
            if (problem.isPresent()) {
                return failingJob(vm, method, REVERSE, 32768, problem.get());
            }
        }
        return startJob(vm, method, REVERSE, () -> { }, () -> {
            vm.replicationMode = PRIMARY;
            link.state = planned ? 3 : 1;
            link.failedOverReplicationType = 0;
            link.primaryServer = host.machine();
            link.recoveryServer = target.get();
            port.ifPresent(p -> link.recoveryPort = p);
            auth.ifPresent(a -> link.authenticationType = a);
            // A primary has no recovery points; the old primary, prepared and off, becomes this VM's replica.
            vm.recoveryPoints.clear();
            if (planned) {
                link.lastReplicationTime = host.clock.instant();
                oldPrimary.ifPresent(c -> becomeReplica(c.vm(), host.machine(), c.host().machine()));
            }
        }, () -> { }, Map.of());
    }

    /** Why a planned failover's old primary cannot become the replica now, if it cannot. */
    private static Optional<String> notPrepared(VirtualMachine vm, String server,
                                                Optional<ReplicaNetwork.Counterpart> oldPrimary) {
        if (oldPrimary.isEmpty()) {
            return Optional.of("The server '" + server + "' has no virtual machine '" + vm.name + "' (" + vm.id
                    + ") to reverse replication to.");
        }
        ReplicaNetwork.Counterpart c = oldPrimary.get();
        if (!c.reachable()) {
            return Optional.of("Hyper-V could not reverse replication of '" + vm.name + "': the primary server '"
                    + server + "' did not answer.");
        }
        if (c.vm().replicationMode != PRIMARY || c.link() == null || c.link().state != 4 || !c.vm().isOff()) {
            return Optional.of("'" + vm.name + "' on '" + server + "' is not prepared for a planned failover"
                    + " (ReplicationState " + (c.link() == null ? 0 : c.link().state) + ", EnabledState "
                    + c.vm().enabledState + ").");
        }
        return Optional.empty();
    }

    /** {@code vm} (off, on {@code itsServer}) becomes the replica of the VM of the same id on {@code primary}. */
    private void becomeReplica(VirtualMachine vm, String primary, String itsServer) {
        vm.replicationMode = 2;
        if (vm.relationships.isEmpty()) {
            vm.relationships.add(new ReplicationLink(vm, 0, new Scenario.Relationship(3, 1, null, null, 0, 1,
                    primary, itsServer), itsServer, primary));
        }
        ReplicationLink l = vm.primaryLink();
        l.state = 3;
        l.health = 1;
        l.failedOverReplicationType = 0;
        l.lastReplicationType = 1;
        l.lastReplicationTime = host.clock.instant();
        l.primaryServer = primary;
        l.recoveryServer = itsServer;
        l.failedOverTo = null;
        vm.recoveryPoints.clear();
    }

    /**
     * CreateReplicationRelationship(ComputerSystem, ReplicationSettingData): a VM that is not replicated becomes a
     * primary, Ready for replication, to the server the embedded settings name (another host, else 32773).
     */
    private MethodResult createRelationship(VirtualMachine vm, String method, MethodInput input) {
        Optional<EmbeddedSettings> settings = replicationSettings(input);
        Optional<String> target = otherHost(settings);
        if (target.isEmpty()) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        if (vm.replicationMode != 0 || !vm.relationships.isEmpty()) {
            return wrongState(vm, method, CREATE);
        }
        EmbeddedSettings e = settings.get();
        return startJob(vm, method, CREATE, () -> { }, () -> {
            vm.replicationMode = PRIMARY;
            ReplicationLink link = new ReplicationLink(vm, 0, new Scenario.Relationship(1, 1, null, null, null, null,
                    host.machine(), target.get()), host.machine(), target.get());
            link.applySettings(e);
            vm.relationships.add(link);
        }, () -> { }, Map.of());
    }

    /** The server embedded settings replicate to, if they name one other than this host. */
    private Optional<String> otherHost(Optional<EmbeddedSettings> settings) {
        return settings.flatMap(e -> e.value("RecoveryConnectionPoint")).filter(t -> !t.isBlank())
                .filter(t -> !t.equalsIgnoreCase(host.hostName()) && !t.equalsIgnoreCase(host.machine()));
    }

    private static Optional<EmbeddedSettings> replicationSettings(MethodInput input) {
        return input.string("ReplicationSettingData").flatMap(EmbeddedSettings::read)
                .filter(e -> e.className().equalsIgnoreCase(ReplicationLink.SETTINGS_CLASS));
    }

    /**
     * StartReplication(ComputerSystem, InitialReplicationType, ...): on a primary that is Ready; 1 network transfer
     * (2 export and 3 seeded are not simulated: 32770). Waiting to complete initial replication while the job runs,
     * then Replicating with a first LastReplicationTime.
     */
    private MethodResult startReplication(VirtualMachine vm, String method, MethodInput input) {
        long type = input.number("InitialReplicationType").orElse(0L);
        if (type < 1 || type > 3) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        if (type != 1) {
            return MethodResult.of(32770);
        }
        ReplicationLink link = vm.primaryLink();
        if (vm.replicationMode != PRIMARY || link == null || link.state != 1) {
            return wrongState(vm, method, START_REPLICATION);
        }
        // In a lab the Replica server is another host: it must answer, and a VM of the same id there must be off.
        Optional<HyperVHost> replicaServer = host.network.server(link.recoveryServer);
        if (replicaServer.isPresent()) {
            HyperVHost to = replicaServer.get();
            Optional<VirtualMachine> there = to.vmById(vm.id);
            if (!host.network.reachable(to)) {
                return failingJob(vm, method, START_REPLICATION, 32768, "Hyper-V could not start replication of '"
                        + vm.name + "': the Replica server '" + link.recoveryServer + "' did not answer.");
            }
            if (there.isPresent() && !there.get().isOff()) {
                return failingJob(vm, method, START_REPLICATION, 32768, "The virtual machine '" + vm.name + "' ("
                        + vm.id + ") is running on the Replica server '" + link.recoveryServer + "'; turn it off"
                        + " there before replicating to it.");
            }
        }
        return startJob(vm, method, START_REPLICATION, () -> link.state = 2, () -> {
            link.state = 3;
            link.lastReplicationTime = host.clock.instant();
            replicaServer.ifPresent(to -> becomeReplica(to.vmById(vm.id).orElseGet(() -> {
                VirtualMachine copy = new VirtualMachine(vm.id, vm.name, Scenario.Power.OFF.enabledState(), 2, Map.of(),
                        host.clock.instant());
                to.addVm(copy);
                return copy;
            }), host.machine(), to.machine()));
        }, () -> link.state = 1, Map.of());
    }

    /**
     * ModifyReplicationSettings(ComputerSystem, ReplicationSettingData): a well-formed embedded instance with a
     * ReplicationInterval of 30, 300 or 900 and a RecoveryHistory of 0-24 (else 32773), on a replicated VM.
     */
    private MethodResult modifySettings(VirtualMachine vm, String method, MethodInput input) {
        Optional<EmbeddedSettings> settings = replicationSettings(input);
        boolean valid = settings.isPresent()
                && settings.get().value("ReplicationInterval").map(i -> Set.of("30", "300", "900").contains(i))
                        .orElse(true)
                && settings.get().value("RecoveryHistory").map(Integer::valueOf).map(h -> h >= 0 && h <= 24)
                        .orElse(true);
        if (!valid) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        ReplicationLink link = vm.primaryLink();
        if (link == null || link.state == 0) {
            return wrongState(vm, method, MODIFY);
        }
        return startJob(vm, method, MODIFY, () -> { }, () -> link.applySettings(settings.get()), () -> { }, Map.of());
    }

    /**
     * SetFailoverNetworkAdapterSettings(ComputerSystem, NetworkSettings[]): each an embedded
     * Msvm_FailoverNetworkAdapterSettingData whose InstanceID is one of the VM's adapters' (else 32773); the settings
     * take effect when the job ends.
     */
    private MethodResult setFailoverNetwork(VirtualMachine vm, String method, MethodInput input) {
        List<String> texts = input.strings("NetworkSettings");
        Map<NetworkAdapterState, EmbeddedSettings> changes = new java.util.LinkedHashMap<>();
        for (String text : texts) {
            Optional<EmbeddedSettings> e = EmbeddedSettings.read(text)
                    .filter(x -> x.className().equalsIgnoreCase(NetworkAdapterState.FAILOVER_CLASS));
            Optional<NetworkAdapterState> adapter = e.flatMap(x -> x.value("InstanceID")).flatMap(id -> vm.networkAdapters
                    .stream().filter(a -> a.failoverInstanceId().equalsIgnoreCase(id)).findFirst());
            if (adapter.isEmpty()) {
                return MethodResult.of(MethodResult.INVALID_PARAMETER);
            }
            changes.put(adapter.get(), e.get());
        }
        if (changes.isEmpty()) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        return startJob(vm, method, FAILOVER_NETWORK, () -> { }, () -> changes.forEach(NetworkAdapterState::apply),
                () -> { }, Map.of());
    }

    /** RemoveReplicationRelationship(ComputerSystem): not during a failover; afterwards the VM is not replicated. */
    private MethodResult removeRelationship(VirtualMachine vm, String method) {
        ReplicationLink link = vm.primaryLink();
        if (link == null || Set.of(4, 12).contains(link.state)) {
            return wrongState(vm, method, REMOVE);
        }
        return startJob(vm, method, REMOVE, () -> { }, () -> {
            vm.relationships.clear();
            vm.replicationMode = 0;
        }, () -> { }, Map.of());
    }

    /** Msvm_ComputerSystem.RequestStateChange: 2 start, 3 turn off, 6 save, 9 pause, 10 reboot, 11 reset. */
    private MethodResult requestStateChange(VirtualMachine vm, MethodInput input) {
        String method = "RequestStateChange";
        int requested = input.number("RequestedState").orElseThrow(
                () -> WsManFaults.invalidParameter("RequestedState is required")).intValue();
        int from = vm.enabledState;
        boolean replicaNotFailedOver = REPLICA_MODES.contains(vm.replicationMode)
                && (vm.primaryLink() == null || !Set.of(5, 6).contains(vm.primaryLink().state));
        SimulatedJob.Kind kind;
        boolean allowed;
        switch (requested) {
            case 2 -> {
                kind = new SimulatedJob.Kind(12, "Starting virtual machine", "Starting the virtual machine");
                // A primary prepared for a planned failover starts only after Stop-VMFailover cancelled it.
                boolean preparedPrimary = vm.replicationMode == PRIMARY && vm.primaryLink() != null
                        && vm.primaryLink().state == 4;
                allowed = Set.of(3, 6, 9).contains(from) && !replicaNotFailedOver && !preparedPrimary;
            }
            case 3 -> {
                kind = new SimulatedJob.Kind(13, "Turning off virtual machine", "Turning off the virtual machine");
                allowed = Set.of(2, 4, 6, 9).contains(from);
            }
            case 6 -> {
                kind = new SimulatedJob.Kind(14, "Saving virtual machine", "Saving the virtual machine");
                allowed = from == 2;
            }
            case 9 -> {
                kind = new SimulatedJob.Kind(26, "Pausing virtual machine", "Pausing the virtual machine");
                allowed = from == 2;
            }
            case 10, 11 -> {
                kind = new SimulatedJob.Kind(requested == 10 ? 29 : 28, "Restarting virtual machine",
                        "Restarting the virtual machine");
                allowed = from == 2;
                requested = 2;
            }
            default -> {
                kind = new SimulatedJob.Kind(0, "Changing virtual machine state", "Changing the virtual machine state");
                allowed = false;
            }
        }
        if (!allowed) {
            return wrongState(vm, method, kind);
        }
        int target = requested;
        Runnable onStart = target == 2 && from != 2 ? () -> vm.setPower(10, host.clock.instant()) : () -> { };
        return startJob(vm, method, kind, onStart, () -> vm.setPower(target, host.clock.instant()),
                () -> vm.setPower(from, host.clock.instant()), Map.of());
    }

    /**
     * Msvm_ShutdownComponent.InitiateShutdown(Force, Reason): "If zero (0) is returned, then the shutdown was initiated
     * successfully"; the guest then takes the job duration of the scenario's InitiateShutdown behaviour to shut down
     * (ShuttingDown, then Off), without a job. A scenario's returnValue answers instead (32781 locked, 32782 already
     * shutting down).
     */
    private MethodResult initiateShutdown(VirtualMachine vm, MethodInput input) {
        Scenario.Behaviour b = behaviour(vm, "InitiateShutdown");
        if (b.returnValue() != null && b.returnValue() != 0) {
            return MethodResult.of(b.returnValue());
        }
        if (vm.enabledState == 4) {
            return MethodResult.of(32782);
        }
        if (vm.enabledState != Scenario.Power.RUNNING.enabledState() || !vm.shutdownComponent) {
            return MethodResult.of(MethodResult.INVALID_STATE);
        }
        input.string("Force").filter(f -> f.equals("true") || f.equals("false"))
                .orElseThrow(() -> WsManFaults.invalidParameter("Force must be true or false"));
        vm.setPower(4, host.clock.instant());
        host.schedule(host.clock.instant().plus(b.duration()), () -> {
            if (vm.enabledState == 4) {
                vm.setPower(Scenario.Power.OFF.enabledState(), host.clock.instant());
            }
        });
        return MethodResult.of(MethodResult.COMPLETED);
    }

    /** RequestReplicationStateChange(Ex): 4 prepare planned failover on a primary, 3 resume, 7 suspend. */
    private MethodResult replicationStateChange(VirtualMachine vm, MethodInput input, String method) {
        int requested = input.number("RequestedState").orElseThrow(
                () -> WsManFaults.invalidParameter("RequestedState is required")).intValue();
        // The Ex variant's optional embedded Msvm_ReplicationRelationship picks \HVR\1; only its InstanceID matters.
        boolean extended = input.string("ReplicationRelationship").map(t -> t.contains("\\HVR\\1")).orElse(false);
        if (extended && vm.relationships.size() < 2) {
            return MethodResult.of(MethodResult.INVALID_PARAMETER);
        }
        ReplicationLink link = extended ? vm.relationships.get(1) : vm.primaryLink();
        if (link == null) {
            return wrongState(vm, method, REPLICATION_STATE);
        }
        int before = link.state;
        boolean allowed = switch (requested) {
            case 4 -> vm.replicationMode == PRIMARY && before == 3 && vm.isOff();
            case 3 -> before == 7;
            case 7 -> Set.of(2, 3, 10).contains(before);
            default -> false;
        };
        if (!allowed) {
            return wrongState(vm, method, REPLICATION_STATE);
        }
        // Prepare sends the primary's last changes to its replica (LastReplicationType 3 Planned on both sides).
        Optional<ReplicaNetwork.Counterpart> replica = requested == 4 && !extended
                ? host.network.counterpart(host, vm) : Optional.empty();
        if (replica.isPresent()) {
            Optional<String> problem = notReplicating(vm, replica.get());
            if (problem.isPresent()) {
                return failingJob(vm, method, REPLICATION_STATE, 32768, problem.get());
            }
        }
        // "While the state change is in progress, the ReplicationState property is changed to the value of the
        // RequestedState parameter."
        return startJob(vm, method, REPLICATION_STATE, () -> link.state = requested, () -> replica.ifPresent(r -> {
            java.time.Instant now = host.clock.instant();
            for (ReplicationLink l : List.of(link, r.link())) {
                l.lastReplicationTime = now;
                l.lastReplicationType = 3;
            }
        }), () -> link.state = before, Map.of());
    }

    /** Why a prepared primary could not send its last changes to its replica, if it could not. */
    private static Optional<String> notReplicating(VirtualMachine vm, ReplicaNetwork.Counterpart replica) {
        String server = replica.host().machine();
        if (!replica.reachable()) {
            return Optional.of("Hyper-V could not send the last changes of '" + vm.name + "' to the Replica server '"
                    + server + "': the server did not answer.");
        }
        ReplicationLink r = replica.link();
        if (!REPLICA_MODES.contains(replica.vm().replicationMode) || r == null || r.state != 3) {
            return Optional.of("The Replica virtual machine '" + vm.name + "' on '" + server + "' is not replicating"
                    + " (ReplicationState " + (r == null ? 0 : r.state) + "); the planned failover cannot be prepared.");
        }
        return Optional.empty();
    }

    /**
     * GetReplicationStatistics(Ex): completes at once (ReturnValue 0) with one embedded Msvm_ReplicationStatistics and
     * one embedded Msvm_Error per health issue; Ex names the relationship by an embedded Msvm_ReplicationRelationship
     * whose InstanceID must be one of the VM's. A VM without replication: 32775.
     */
    private MethodResult statistics(VirtualMachine vm, Optional<String> relationship) {
        ReplicationLink link = vm.primaryLink();
        if (relationship.isPresent()) {
            Optional<String> id = EmbeddedSettings.read(relationship.get())
                    .filter(e -> ReplicationLink.CLASS.equalsIgnoreCase(e.className()))
                    .flatMap(e -> e.value("InstanceID"));
            if (id.isEmpty()) {
                return MethodResult.of(MethodResult.INVALID_PARAMETER);
            }
            link = vm.relationships.stream().filter(l -> l.instanceId().equalsIgnoreCase(id.get())).findFirst()
                    .orElse(null);
            if (link == null) {
                return MethodResult.of(MethodResult.INVALID_PARAMETER);
            }
        }
        if (link == null || link.state == 0) {
            return MethodResult.of(MethodResult.INVALID_STATE);
        }
        Scenario.Statistics st = link.statistics;
        int severity = link.health == 3 ? 6 : 3;
        String stats = new CimXmlInstance("Msvm_ReplicationStatistics")
                .property("ApplicationConsistentSnapshotFailureCount", "uint32", st.vssFailures())
                .property("EndStatisticTime", "datetime", Scenario.parseInstant(st.end(), "end"))
                .property("InstanceID", "string", null)
                .property("LastTestFailoverTime", "datetime", null)
                .property("MaxReplicationLatency", "uint32", st.maxLatency())
                .property("MaxReplicationSize", "uint64", st.maxSize())
                .property("NetworkFailureCount", "uint32", st.networkFailures())
                .property("PendingReplicationSize", "uint64", st.pendingSize())
                .property("ReplicationFailureCount", "uint32", st.replicationFailures())
                .property("ReplicationHealth", "uint32", link.health)
                .property("ReplicationLatency", "uint32", st.latency())
                .property("ReplicationMissCount", "uint32", st.missCount())
                .property("ReplicationSize", "uint64", st.size())
                .property("ReplicationSuccessCount", "uint32", st.successCount())
                .property("StartStatisticTime", "datetime", Scenario.parseInstant(st.start(), "start"))
                .asParameterText();
        List<String> issues = st.healthIssues().stream().map(m -> new CimXmlInstance("Msvm_Error")
                .property("Message", "string", m)
                .property("OwningEntity", "string", "Microsoft-Windows-Hyper-V-VMMS")
                .property("PerceivedSeverity", "uint16", severity)
                .asParameterText()).toList();
        Map<String, List<String>> out = new HashMap<>();
        out.put("ReplicationStatistics", List.of(stats));
        if (!issues.isEmpty()) {
            out.put("ReplicationHealthIssues", issues);
        }
        return new MethodResult(MethodResult.COMPLETED, out);
    }

    private MethodResult jobErrors(InstanceSnapshot target, String parameter, int limit) {
        String id = target.keys().get("InstanceID");
        List<String> errors = host.job(id).map(j -> j.errors(host.hostName())).orElse(List.of());
        List<String> escaped = errors.stream().limit(limit).map(io.hypervwsman.xml.XmlEscape::escape).toList();
        return new MethodResult(MethodResult.COMPLETED, escaped.isEmpty() ? Map.of() : Map.of(parameter, escaped));
    }

    private Scenario.Behaviour behaviour(VirtualMachine vm, String method) {
        Scenario.Behaviour b = vm.behaviours.get(method);
        if (b == null) {
            b = host.scenario.behaviours().getOrDefault(method, Scenario.Behaviour.DEFAULT);
        }
        return b;
    }

    private MethodResult wrongState(VirtualMachine vm, String method, SimulatedJob.Kind kind) {
        Scenario.Behaviour b = behaviour(vm, method);
        if (b.wrongState() == Scenario.WrongStatePath.SYNC) {
            return MethodResult.of(MethodResult.INVALID_STATE);
        }
        String summary = kind.caption() + " failed.";
        String description = "'" + vm.name + "' failed to complete the operation '" + kind.caption().toLowerCase(
                Locale.ROOT) + "'. The operation cannot be performed while the object is in its current state.";
        SimulatedJob.Ending ending = new SimulatedJob.Ending(SimulatedJob.EXCEPTION, (int) MethodResult.INVALID_STATE,
                summary, description, b.errorMessages());
        return job(vm, kind, b, ending, () -> { }, () -> { }, Map.of());
    }

    /**
     * A job that fails because of what the other side of the relationship shows (a lab): it ends in Exception with
     * {@code description} as its ErrorDescription and Msvm_Error message, whatever the method's behaviour says.
     */
    private MethodResult failingJob(VirtualMachine vm, String method, SimulatedJob.Kind kind, int errorCode,
                                    String description) {
        SimulatedJob.Ending ending = new SimulatedJob.Ending(SimulatedJob.EXCEPTION, errorCode,
                kind.caption() + " failed.", description, List.of());
        return job(vm, kind, behaviour(vm, method), ending, () -> { }, () -> { }, Map.of());
    }

    private MethodResult startJob(VirtualMachine vm, String method, SimulatedJob.Kind kind, Runnable onStart,
                                  Runnable onSuccess, Runnable onFailure, Map<String, List<String>> outputs) {
        Scenario.Behaviour b = behaviour(vm, method);
        if (b.returnValue() != null) {
            // A scenario may have the method answer synchronously: 0 done at once, anything else refused.
            if (b.returnValue() == 0) {
                onStart.run();
                onSuccess.run();
                return new MethodResult(0, outputs);
            }
            return MethodResult.of(b.returnValue());
        }
        SimulatedJob.Ending ending = SimulatedJob.Ending.of(b, kind, kind.caption() + " operation for virtual machine '"
                + vm.name + "' failed.");
        onStart.run();
        return job(vm, kind, b, ending, onSuccess, onFailure, outputs);
    }

    private MethodResult job(VirtualMachine vm, SimulatedJob.Kind kind, Scenario.Behaviour b,
                             SimulatedJob.Ending ending, Runnable onSuccess, Runnable onFailure,
                             Map<String, List<String>> outputs) {
        SimulatedJob job = new SimulatedJob(host.newJobId(), kind, host.scenario.users().get(0), host.clock.instant(),
                b.duration(), ending, vm.snapshot().objectPath(), vm.id, onSuccess, onFailure);
        return host.started(job, outputs);
    }
}
