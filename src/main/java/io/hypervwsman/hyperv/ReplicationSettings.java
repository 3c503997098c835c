package io.hypervwsman.hyperv;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.EmbeddedInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A VM's Msvm_ReplicationSettingData ({@code Microsoft:<VM GUID>\HVR}): where it replicates from and to, and
 * how. Methods such as ReverseReplicationRelationship take it back as an embedded instance.
 */
public final class ReplicationSettings {
    public static final String CLASS = "Msvm_ReplicationSettingData";
    /** The class's properties and their MOF types (hyperv-replica.md, Msvm_ReplicationSettingData). */
    private static final Map<String, CimType> MOF = mof();
    private static final Set<String> ARRAYS = Set.of("Notes", "IncludedDisks");
    private static final Set<String> INTERVALS = Set.of("AutomaticStartupActionDelay", "AutoResynchronizeIntervalStart",
            "AutoResynchronizeIntervalEnd");

    private final CimInstance instance;

    ReplicationSettings(CimInstance instance) {
        this.instance = instance;
    }

    public String instanceId() {
        return instance.string("InstanceID").orElse("");
    }

    /** The server this VM replicates from (PrimaryConnectionPoint). */
    public Optional<String> primaryServer() {
        return instance.string("PrimaryConnectionPoint").filter(s -> !s.isBlank());
    }

    /** The server this VM replicates to (RecoveryConnectionPoint). */
    public Optional<String> recoveryServer() {
        return instance.string("RecoveryConnectionPoint").filter(s -> !s.isBlank());
    }

    public Optional<Long> recoveryPort() {
        return instance.number("RecoveryServerPortNumber");
    }

    /** AuthenticationType: 1 Kerberos (HTTP), 2 certificate (HTTPS). */
    public Optional<Long> authenticationType() {
        return instance.number("AuthenticationType");
    }

    /**
     * These settings with the direction reversed, as the embedded instance ReverseReplicationRelationship takes:
     * the new recovery server is {@code replicaServer} (by default the current primary), this host becomes the
     * primary; port, authentication and thumbprint change only when given. Every other documented property
     * the host reported is sent back unchanged (properties newer than the documented class are left out).
     */
    public EmbeddedInstance reversed(String replicaServer, Integer port, Integer authenticationType,
                                     String certificateThumbprint) {
        String target = Optional.ofNullable(replicaServer).filter(s -> !s.isBlank()).or(this::primaryServer)
                .orElseThrow(() -> new OperationFailedException("the replication settings of "
                        + instance.string("ElementName").orElse("the VM") + " name no primary server to reverse"
                        + " replication to", Hint.of(Hint.Kind.NAME_REPLICA_SERVER)));
        EmbeddedInstance e = asEmbedded();
        Optional<String> here = recoveryServer();
        e.set("RecoveryConnectionPoint", CimType.STRING, target);
        here.ifPresent(h -> e.set("PrimaryConnectionPoint", CimType.STRING, h));
        Optional<String> recoveryHost = instance.string("RecoveryHostSystem");
        Optional<String> primaryHost = instance.string("PrimaryHostSystem");
        if (recoveryHost.isPresent() || primaryHost.isPresent()) {
            e.set("PrimaryHostSystem", CimType.STRING, recoveryHost.orElse(null));
            e.set("RecoveryHostSystem", CimType.STRING, primaryHost.filter(h -> target.equals(primaryServer()
                    .orElse(null))).orElse(null));
        }
        if (port != null) {
            e.set("RecoveryServerPortNumber", CimType.UINT16, port);
        }
        if (authenticationType != null) {
            e.set("AuthenticationType", CimType.UINT16, authenticationType);
        }
        if (certificateThumbprint != null) {
            e.set("CertificateThumbPrint", CimType.STRING, certificateThumbprint);
        }
        return e;
    }

    /**
     * These settings as the embedded instance ModifyReplicationSettings and ReverseReplicationRelationship take:
     * every documented property the host reported, unchanged (properties newer than the documented class are left
     * out), for the caller to change what it means to.
     */
    public EmbeddedInstance asEmbedded() {
        EmbeddedInstance e = EmbeddedInstance.of(CLASS);
        for (Map.Entry<String, CimType> p : MOF.entrySet()) {
            String name = p.getKey();
            if (ARRAYS.contains(name)) {
                if (instance.has(name) && !instance.isNull(name)) {
                    e.setArray(name, p.getValue(), instance.strings(name));
                }
                continue;
            }
            if (instance.isNull(name)) {
                continue;
            }
            switch (p.getValue()) {
                case STRING -> e.set(name, CimType.STRING, instance.string(name).orElseThrow());
                case BOOLEAN -> e.set(name, CimType.BOOLEAN, instance.bool(name).orElseThrow());
                case DATETIME -> {
                    if (INTERVALS.contains(name)) {
                        instance.interval(name).ifPresent(d -> e.set(name, CimType.DATETIME, d));
                    } else {
                        instance.datetime(name).ifPresent(t -> e.set(name, CimType.DATETIME, t));
                    }
                }
                default -> e.set(name, p.getValue(), instance.number(name).orElseThrow());
            }
        }
        return e;
    }

    private static Map<String, CimType> mof() {
        Map<String, CimType> m = new LinkedHashMap<>();
        for (String s : new String[] {"InstanceID", "Caption", "Description", "ElementName", "VirtualSystemIdentifier",
                "VirtualSystemType", "Notes", "ConfigurationID", "ConfigurationDataRoot", "ConfigurationFile",
                "SnapshotDataRoot", "SuspendDataRoot", "SwapFileDataRoot", "LogDataRoot", "RecoveryFile",
                "CertificateThumbPrint", "RootCertificateThumbPrint", "RecoveryConnectionPoint", "RecoveryHostSystem",
                "PrimaryConnectionPoint", "PrimaryHostSystem", "IncludedDisks", "ReplicationProvider",
                "AdditionalSettings"}) {
            m.put(s, CimType.STRING);
        }
        for (String s : new String[] {"AutomaticStartupAction", "AutomaticStartupActionSequenceNumber",
                "AutomaticShutdownAction", "AutomaticRecoveryAction", "AuthenticationType", "RecoveryServerPortNumber",
                "ApplicationConsistentSnapshotInterval", "RecoveryHistory", "ReplicationInterval"}) {
            m.put(s, CimType.UINT16);
        }
        for (String s : new String[] {"CompressionEnabled", "BypassProxyServer", "ReplicateHostKvpItems",
                "AutoResynchronizeEnabled", "EnableWriteOrderPreservationAcrossDisks"}) {
            m.put(s, CimType.BOOLEAN);
        }
        for (String s : new String[] {"CreationTime", "AutomaticStartupActionDelay", "AutoResynchronizeIntervalStart",
                "AutoResynchronizeIntervalEnd"}) {
            m.put(s, CimType.DATETIME);
        }
        return m;
    }
}
