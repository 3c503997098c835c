package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Set-VMReplication (the common settings): Msvm_ReplicationService.ModifyReplicationSettings(ComputerSystem,
 * ReplicationSettingData). The VM's Msvm_ReplicationSettingData is read, the settings given are changed, and the
 * whole instance is sent back embedded; nothing to do when every setting given already has that value.
 */
public final class SetReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("ModifyReplicationSettings");
    private final Map<String, Change> changes = new LinkedHashMap<>();

    private record Change(CimType type, Object value) {
    }

    /**
     * @param frequencySeconds   ReplicationInterval (30, 300, 900) or null to keep it
     * @param recoveryHistory    RecoveryHistory (0-24) or null
     * @param port               RecoveryServerPortNumber or null
     * @param authenticationType AuthenticationType (1 Kerberos, 2 certificate) or null
     * @param thumbprint         CertificateThumbPrint or null
     * @param compression        CompressionEnabled or null
     */
    public SetReplication(Integer frequencySeconds, Integer recoveryHistory, Integer port, Integer authenticationType,
                          String thumbprint, Boolean compression) {
        if (frequencySeconds != null && frequencySeconds != 30 && frequencySeconds != 300 && frequencySeconds != 900) {
            throw new IllegalArgumentException("the replication frequency must be 30, 300 or 900 seconds");
        }
        if (recoveryHistory != null && (recoveryHistory < 0 || recoveryHistory > 24)) {
            throw new IllegalArgumentException("recovery history must be 0-24, not " + recoveryHistory);
        }
        put("ReplicationInterval", CimType.UINT16, frequencySeconds);
        put("RecoveryHistory", CimType.UINT16, recoveryHistory);
        put("RecoveryServerPortNumber", CimType.UINT16, port);
        put("AuthenticationType", CimType.UINT16, authenticationType);
        put("CertificateThumbPrint", CimType.STRING, thumbprint);
        put("CompressionEnabled", CimType.BOOLEAN, compression);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("name at least one setting to change");
        }
    }

    private void put(String property, CimType type, Object value) {
        if (value != null) {
            changes.put(property, new Change(type, value));
        }
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        if (rel.isEmpty()) {
            return Optional.empty();
        }
        EmbeddedInstance now = host.vms().replicationSettings(vm).asEmbedded();
        boolean same = changes.entrySet().stream().allMatch(c -> now.value(c.getKey())
                .map(v -> v.equalsIgnoreCase(Objects.toString(c.getValue().value()))).orElse(false));
        return same ? Optional.of("the replication settings of " + vm.name() + " already have " + describe())
                : Optional.empty();
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        EmbeddedInstance settings = host.vms().replicationSettings(vm).asEmbedded();
        changes.forEach((name, c) -> settings.set(name, c.type(), c.value()));
        return host.onReplicationService(vm, MethodInput.create().add("ReplicationSettingData", settings.toCimXml()),
                ": " + describe());
    }

    private String describe() {
        return changes.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue().value())
                .collect(Collectors.joining(", "));
    }

    @Override
    public Evidence<?> evidence() {
        // A settings change does not show in the replication state: a lost reply leaves the outcome unknown.
        return ReplicationStateEvidence.silent();
    }
}
