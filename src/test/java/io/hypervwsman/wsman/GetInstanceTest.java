package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.xml.computersystem.MsvmComputerSystemType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@OverEveryAuthMode
class GetInstanceTest {
    /** How the client reaches the fixtures in this run of the class. */
    @Parameter
    FixtureHost.Mode mode;

    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, mode);
    }

    static final String CS = WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ComputerSystem");
    static final String VM_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";

    @Test
    void readsScalarsNilsArraysAndDatetimes() {
        try (FixtureHost host = host("get-computersystem"); WsManClient client = host.client()) {
            CimInstance vm = client.get(CS, SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", VM_ID));

            assertEquals("Msvm_ComputerSystem", vm.className());
            assertEquals(CS, vm.resourceUri());
            assertEquals("web-frontend-01", vm.string("ElementName").orElseThrow());
            assertEquals(3L, vm.number("EnabledState").orElseThrow());
            assertTrue(vm.has("InstanceID"));
            assertTrue(vm.isNull("InstanceID"));
            assertTrue(vm.string("InstanceID").isEmpty());
            assertEquals(List.of(2L, 32768L), vm.numbers("OperationalStatus"));
            assertEquals(List.of("Operating normally", "Creating Snapshot"), vm.strings("StatusDescriptions"));
            assertEquals(Instant.parse("2026-11-23T10:11:02.731942Z"), vm.datetime("TimeOfLastStateChange").orElseThrow());
            assertFalse(vm.datetime("LastSuccessfulBackupTime").isPresent());
        }
    }

    @Test
    void bindsTheInstanceToTheGeneratedJaxbType() {
        try (FixtureHost host = host("get-computersystem"); WsManClient client = host.client()) {
            MsvmComputerSystemType vm = client.get(CS,
                    SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", VM_ID)).as(MsvmComputerSystemType.class);

            assertEquals(VM_ID, vm.getName().getValue());
            assertEquals(2, vm.getReplicationMode().getValue().intValue());
            assertEquals(2, vm.getOperationalStatus().size());
            assertEquals("2026-11-23T10:11:02.731942Z", vm.getTimeOfLastStateChange().getValue().getDatetime());
        }
    }
}
