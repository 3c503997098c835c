package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.HyperVResources;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import org.junit.jupiter.api.Test;

/** The simulated host answers the host-level Replica methods an argument it cannot take with 32773. */
class ReplicaServerMethodsTest {
    private static final long INVALID_PARAMETER = 32773;

    private static EndpointReference service(HyperVHost host) {
        try (Enumeration<EndpointReference> refs = host.client().enumerateReferences(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService"))) {
            return refs.stream().findFirst().orElseThrow();
        }
    }

    @Test
    void argumentsTheHostCannotTakeAreInvalidParameters() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-health.json")) {
            HyperVHost host = f.host();
            EndpointReference s = service(host);
            assertEquals(INVALID_PARAMETER, host.client().invoke(s, "RemoveAuthorizationEntry",
                    MethodInput.create().add("AllowedPrimaryHostSystem", "nosuch.lab.example")).returnValue());
            String certificateWithoutThumbprint = "<INSTANCE CLASSNAME=\"Msvm_ReplicationServiceSettingData\">"
                    + "<PROPERTY NAME=\"AllowedAuthenticationType\" TYPE=\"uint16\"><VALUE>2</VALUE></PROPERTY>"
                    + "</INSTANCE>";
            assertEquals(INVALID_PARAMETER, host.client().invoke(s, "ModifyServiceSettings",
                    MethodInput.create().add("SettingData", certificateWithoutThumbprint)).returnValue());
            assertEquals(INVALID_PARAMETER, host.client().invoke(s, "ModifyServiceSettings",
                    MethodInput.create().add("SettingData", "not an instance")).returnValue());
            String duplicate = "<INSTANCE CLASSNAME=\"Msvm_ReplicationAuthorizationSettingData\">"
                    + "<PROPERTY NAME=\"AllowedPrimaryHostSystem\" TYPE=\"string\"><VALUE>HV02.lab.example</VALUE>"
                    + "</PROPERTY><PROPERTY NAME=\"ReplicaStorageLocation\" TYPE=\"string\"><VALUE>E:\\</VALUE>"
                    + "</PROPERTY></INSTANCE>";
            assertEquals(INVALID_PARAMETER, host.client().invoke(s, "AddAuthorizationEntry",
                    MethodInput.create().add("AuthorizationEntry", duplicate)).returnValue());
            assertEquals(INVALID_PARAMETER, host.client().invoke(s, "TestReplicationConnection",
                    MethodInput.create().add("RecoveryConnectionPoint", "HV02").add("RecoveryServerPortNumber", 80)
                            .add("AuthenticationType", 3).add("BypassProxyServer", false)).returnValue());
            assertEquals(0, host.client().enumerate(HyperVResources.ALL,
                    EnumerateOptions.wql("SELECT * FROM Msvm_ConcreteJob")).stream().count(), "no job started");
        }
    }
}
