package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated host checks the arguments clients build for InitiateFailover (SnapshotSettingData must be a
 * recovery point of that VM) and ReverseReplicationRelationship (a well-typed embedded
 * Msvm_ReplicationSettingData naming another server), written here by hand, not by the client.
 */
class ReverseAndRecoveryPointArgumentsTest {
    private static final String FILE_SERVER_REPLICA = "11111111-2222-4333-8444-555555555555";
    private static final String REPORTING = "0D9E8F7A-6B5C-4D3E-9F2A-1B0C9D8E7F6A";
    private final SoapExchange host = new SoapExchange("default");

    private static String rsd(String properties) {
        return "<p:ReplicationSettingData>" + io.hypervwsman.xml.XmlEscape.escape(
                "<INSTANCE CLASSNAME=\"Msvm_ReplicationSettingData\">" + properties + "</INSTANCE>")
                + "</p:ReplicationSettingData>";
    }

    private static String prop(String name, String type, String value) {
        return "<PROPERTY NAME=\"" + name + "\" TYPE=\"" + type + "\"><VALUE>" + value + "</VALUE></PROPERTY>";
    }

    private String initiate(String snapshotArgument) {
        return host.ok(SoapExchange.serviceMethod("HV01", "InitiateFailover", FILE_SERVER_REPLICA, snapshotArgument))
                .text("ReturnValue");
    }

    private String reverse(String argument) {
        return host.ok(SoapExchange.serviceMethod("HV01", "ReverseReplicationRelationship", REPORTING, argument))
                .text("ReturnValue");
    }

    @Test
    void listsTheRecoveryPointsOfAVmThroughItsSnapshotAssociation() {
        SoapExchange.Answer a = host.ok(SoapExchange.wql("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName="
                + "'Msvm_ComputerSystem',Name='" + FILE_SERVER_REPLICA + "'} WHERE AssocClass = "
                + "Msvm_SnapshotOfVirtualSystem ResultClass = Msvm_VirtualSystemSettingData", true, 10, null));
        assertEquals(List.of("Microsoft:6B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C4",
                "Microsoft:6B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C5", "Microsoft:6B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C6"),
                a.texts("InstanceID"));
        assertEquals("Microsoft:Hyper-V:Snapshot:AppConsistentReplica", a.texts("VirtualSystemType").get(1));

        SoapExchange.Answer settings = host.ok(SoapExchange.wql("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName="
                + "'Msvm_ComputerSystem',Name='" + REPORTING + "'} WHERE ResultClass = Msvm_ReplicationSettingData",
                true, 10, null));
        assertEquals(List.of("Microsoft:" + REPORTING + "\\HVR"), settings.texts("InstanceID"));
        assertEquals(List.of("HV02.lab.example"), settings.texts("PrimaryConnectionPoint"));
        assertEquals(List.of("HV01.lab.example"), settings.texts("RecoveryConnectionPoint"));
    }

    @Test
    void initiateFailoverTakesOnlyARecoveryPointOfThatVm() {
        assertEquals("32773", initiate(SoapExchange.instanceReference("SnapshotSettingData",
                "Msvm_VirtualSystemSettingData", "Microsoft:00000000-0000-4000-8000-000000000000")));
        assertEquals("32773", initiate(SoapExchange.instanceReference("SnapshotSettingData",
                "Msvm_ReplicationSettingData", "Microsoft:6B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C4")),
                "the right id under the wrong class");
        assertEquals("4096", initiate(SoapExchange.instanceReference("SnapshotSettingData",
                "Msvm_VirtualSystemSettingData", "microsoft:6b0e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4")));
    }

    @Test
    void testReplicaSystemTakesOnlyARecoveryPointOfThatVm() {
        String other = SoapExchange.instanceReference("SnapshotSettingData", "Msvm_VirtualSystemSettingData",
                "Microsoft:00000000-0000-4000-8000-000000000000");
        assertEquals("32773", host.ok(SoapExchange.serviceMethod("HV01", "TestReplicaSystem", FILE_SERVER_REPLICA,
                other)).text("ReturnValue"));
        assertEquals(0, host.backend.host().vmsNamed("file-server - Test").size(), "no test VM was made");
        String own = SoapExchange.instanceReference("SnapshotSettingData", "Msvm_VirtualSystemSettingData",
                "Microsoft:6B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C5");
        assertEquals("4096", host.ok(SoapExchange.serviceMethod("HV01", "TestReplicaSystem", FILE_SERVER_REPLICA,
                own)).text("ReturnValue"));
        assertEquals(1, host.backend.host().vmsNamed("file-server - Test").size());
    }

    @Test
    void commitFailoverFlattensTheRecoveryPoints() {
        assertEquals("4096", initiate(""));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals(3, host.backend.host().vm(FILE_SERVER_REPLICA).orElseThrow().recoveryPoints.size());
        host.ok(SoapExchange.serviceMethod("HV01", "CommitFailover", FILE_SERVER_REPLICA));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals(0, host.backend.host().vm(FILE_SERVER_REPLICA).orElseThrow().recoveryPoints.size());
    }

    @Test
    void reverseNeedsWellTypedSettingsNamingAnotherServer() {
        assertEquals("32773", reverse(""), "no settings");
        assertEquals("32773", reverse("<p:ReplicationSettingData>not xml</p:ReplicationSettingData>"));
        assertEquals("32773", reverse(rsd(prop("RecoveryServerPortNumber", "uint16", "80"))), "no server");
        assertEquals("32773", reverse(rsd(prop("RecoveryConnectionPoint", "string", "HV01.lab.example"))), "itself");
        assertEquals("32773", reverse(rsd(prop("RecoveryConnectionPoint", "string", "hv02")
                + prop("RecoveryServerPortNumber", "uint16", "70000"))), "out of range");
        assertEquals("32773", reverse(rsd(prop("RecoveryConnectionPoint", "string", "hv02")
                + prop("CompressionEnabled", "boolean", "yes"))), "not a boolean");
        assertEquals("32773", reverse(rsd(prop("RecoveryConnectionPoint", "string", "hv02")
                + prop("CreationTime", "datetime", "2026-03-14T09:26:41Z"))), "xs:dateTime is not the DMTF form");
        assertEquals("32773", reverse(rsd(prop("RecoveryConnectionPoint", "", "hv02"))), "no TYPE");
        assertEquals(2, host.backend.host().vm(REPORTING).orElseThrow().replicationMode, "nothing changed");

        assertEquals("4096", reverse(rsd(prop("RecoveryConnectionPoint", "string", "hv02.lab.example")
                + prop("RecoveryServerPortNumber", "uint16", "8080")
                + prop("CreationTime", "datetime", "20260314092641.512345+000")
                + prop("AutoResynchronizeIntervalStart", "datetime", "00000000183000.000000:000"))));
        host.clock.advance(Duration.ofSeconds(2));
        VirtualMachine vm = host.backend.host().vm(REPORTING).orElseThrow();
        assertEquals(1, vm.replicationMode);
        assertEquals("hv02.lab.example", vm.primaryLink().recoveryServer);
        assertEquals(8080, vm.primaryLink().recoveryPort);
    }
}
