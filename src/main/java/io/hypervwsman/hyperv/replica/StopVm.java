package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.HyperVResources;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManNamespace;
import java.util.List;
import java.util.Optional;

/**
 * Stop-VM: a graceful shutdown through the guest's shutdown integration service
 * (Msvm_ShutdownComponent.InitiateShutdown(Force, Reason)). Without a working one (absent, not OK, or the VM saved
 * or paused) it refuses, unless the caller allows turning the VM off (OperationOptions.turnOff, Stop-VM -TurnOff):
 * then RequestStateChange(3). InitiateShutdown's 0 only says the guest was asked, so the outcome waits until the
 * VM shows Off. Immutable: what each VM needs is decided from its own Invocation, so one instance may stop many VMs.
 */
public final class StopVm extends PowerStateVerb {
    private static final Operation OPERATION = Operation.of("InitiateShutdown", "stop-vm");
    private static final String SHUTDOWN_COMPONENT = "Msvm_ShutdownComponent";
    private static final long RUNNING = 2;
    private static final long OFF = 3;
    private static final PowerStateEvidence EVIDENCE = PowerStateEvidence.when(s -> s == OFF);
    /** CIM OperationalStatus 2 OK: the integration service answers. */
    private static final long OK = 2;
    private final boolean forceApplications;
    private final String reason;
    private final boolean turnOffWithout;

    /**
     * @param forceApplications InitiateShutdown's Force: close applications even with unsaved data (Stop-VM -Force)
     * @param reason            InitiateShutdown's Reason, free text recorded by the guest
     * @param turnOffWithout    without a working shutdown service, turn the VM off (RequestStateChange(3)) rather
     *                          than refuse
     */
    public StopVm(boolean forceApplications, String reason, boolean turnOffWithout) {
        super(OPERATION, EVIDENCE);
        this.forceApplications = forceApplications;
        this.reason = reason;
        this.turnOffWithout = turnOffWithout;
    }

    /** InitiateShutdown (the verb's own method) only asks the guest; a turn-off's job says it is Off. */
    @Override
    public boolean confirmsByEvidence(Invocation call) {
        return call.method() == null;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        Optional<CimInstance> component = vm.enabledState() == RUNNING ? shutdownComponent(host, vm)
                : Optional.empty();
        if (component.isPresent()) {
            return new Invocation(reference(component.get()), MethodInput.create().add("Force", forceApplications)
                    .add("Reason", reason), ", through the guest's shutdown integration service");
        }
        String why = vm.enabledState() == RUNNING ? vm.name() + " has no working shutdown integration service"
                : vm.name() + " is " + vm.powerState() + " and cannot shut down its guest";
        if (turnOffWithout) {
            return new Invocation(vm.reference(), "RequestStateChange", MethodInput.create().add("RequestedState", OFF),
                    ", turned off: " + why);
        }
        throw new OperationFailedException(why + "; turning it off instead loses unsaved guest data",
                Hint.of(Hint.Kind.TURN_OFF_FIRST, vm.name()));
    }

    /** The component whose OperationalStatus starts with OK, if the guest has one. */
    private static Optional<CimInstance> shutdownComponent(VerbContext host, VirtualMachine vm) {
        List<CimInstance> found = host.query("SELECT * FROM " + SHUTDOWN_COMPONENT + " WHERE SystemName = '"
                + vm.id().replace("\\", "\\\\").replace("'", "\\'") + "'");
        return found.stream().filter(c -> c.numbers("OperationalStatus").stream().findFirst().orElse(0L) == OK)
                .findFirst();
    }

    private static EndpointReference reference(CimInstance c) {
        return EndpointReference.of(WsManNamespace.wmiClass(HyperVResources.NAMESPACE, SHUTDOWN_COMPONENT),
                SelectorSet.of("CreationClassName", c.string("CreationClassName").orElse(SHUTDOWN_COMPONENT),
                        "DeviceID", c.string("DeviceID").orElse(""),
                        "SystemCreationClassName", c.string("SystemCreationClassName").orElse("Msvm_ComputerSystem"),
                        "SystemName", c.string("SystemName").orElse("")));
    }
}
