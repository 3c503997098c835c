package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Enable-VMReplication: Msvm_ReplicationService.CreateReplicationRelationship(ComputerSystem, ReplicationSettingData)
 * with an embedded Msvm_ReplicationSettingData naming the replica server, its port, the authentication type, the
 * recovery history and the replication frequency. Afterwards the VM is a primary, ready for initial replication.
 */
public final class EnableReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("CreateReplicationRelationship");
    private final Settings settings;

    /**
     * What Enable-VMReplication takes.
     *
     * @param replicaServer      RecoveryConnectionPoint
     * @param port               RecoveryServerPortNumber
     * @param authenticationType 1 Kerberos (HTTP), 2 certificate (HTTPS)
     * @param thumbprint         CertificateThumbPrint, for certificate authentication (else null)
     * @param recoveryHistory    RecoveryHistory: additional recovery points kept (0..24)
     * @param frequencySeconds   ReplicationInterval: 30, 300 or 900
     * @param compression        CompressionEnabled
     */
    public record Settings(String replicaServer, int port, int authenticationType, String thumbprint,
                           int recoveryHistory, int frequencySeconds, boolean compression) {
        public Settings {
            Objects.requireNonNull(replicaServer, "replicaServer");
            if (replicaServer.isBlank()) {
                throw new IllegalArgumentException("the replica server must be named");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the port must be 1-65535, not " + port);
            }
            if (authenticationType != 1 && authenticationType != 2) {
                throw new IllegalArgumentException("authentication type must be 1 (Kerberos) or 2 (certificate)");
            }
            if (authenticationType == 2 && thumbprint == null) {
                throw new IllegalArgumentException("certificate authentication needs a certificate thumbprint");
            }
            if (recoveryHistory < 0 || recoveryHistory > 24) {
                throw new IllegalArgumentException("recovery history must be 0-24, not " + recoveryHistory);
            }
            if (frequencySeconds != 30 && frequencySeconds != 300 && frequencySeconds != 900) {
                throw new IllegalArgumentException("the replication frequency must be 30, 300 or 900 seconds");
            }
        }

        /** As the embedded instance CreateReplicationRelationship and ModifyReplicationSettings take. */
        EmbeddedInstance toEmbedded() {
            EmbeddedInstance e = EmbeddedInstance.of("Msvm_ReplicationSettingData")
                    .set("RecoveryConnectionPoint", CimType.STRING, replicaServer)
                    .set("RecoveryServerPortNumber", CimType.UINT16, port)
                    .set("AuthenticationType", CimType.UINT16, authenticationType)
                    .set("RecoveryHistory", CimType.UINT16, recoveryHistory)
                    .set("ReplicationInterval", CimType.UINT16, frequencySeconds)
                    .set("CompressionEnabled", CimType.BOOLEAN, compression);
            return thumbprint == null ? e : e.set("CertificateThumbPrint", CimType.STRING, thumbprint);
        }
    }

    public EnableReplication(Settings settings) {
        this.settings = settings;
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
        Optional<Relationship> now = host.vms().primaryRelationship(vm)
                .filter(r -> r.state() != ReplicationState.DISABLED);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> to = host.vms().replicationSettings(vm).recoveryServer();
        if (to.map(t -> t.toLowerCase(Locale.ROOT)).equals(Optional.of(settings.replicaServer().toLowerCase(Locale.ROOT)))) {
            return Optional.of(vm.name() + " already replicates to " + to.get() + " (" + now.get().state().displayName()
                    + "); set-replication changes its settings");
        }
        throw new OperationFailedException(vm.name() + " is already replicated (" + vm.replicationMode().displayName()
                + ", " + now.get().state().displayName() + ", to " + to.orElse("?") + "); remove-replication first");
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create().add("ReplicationSettingData",
                settings.toEmbedded().toCimXml()), ", replicating to " + settings.replicaServer() + ":" + settings.port()
                + " every " + settings.frequencySeconds() + "s");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == ReplicationState.READY_FOR_REPLICATION,
                java.util.Set.of());
    }
}
