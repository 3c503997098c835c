package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.SelectorSet;
import java.time.Instant;

/**
 * A recovery point of a replica VM: one of its snapshots (Msvm_VirtualSystemSettingData associated through
 * Msvm_SnapshotOfVirtualSystem), passed to InitiateFailover as SnapshotSettingData.
 *
 * @param instanceId the snapshot's key, e.g. {@code Microsoft:8D0D2A0E-...}
 * @param name       its ElementName, as Get-VMSnapshot shows it
 * @param type       its VirtualSystemType
 * @param created    its CreationTime, if the host gave one
 * @param reference  how to address it: its class's resource URI and InstanceID
 */
public record RecoveryPoint(String instanceId, String name, String type, Instant created, EndpointReference reference) {

    static RecoveryPoint from(CimInstance s) {
        String id = s.string("InstanceID").orElseThrow(() -> new io.hypervwsman.wsman.ProtocolException(
                "the host returned a snapshot without InstanceID"));
        return new RecoveryPoint(id, s.string("ElementName").orElse(""), s.string("VirtualSystemType").orElse(""),
                s.datetime("CreationTime").orElse(null),
                EndpointReference.of(s.resourceUri(), SelectorSet.of("InstanceID", id)));
    }

    /** How the operator sees it in a list. */
    public String describe() {
        return "'" + name + "' (" + instanceId + (created == null ? "" : ", created " + created) + ")";
    }
}
