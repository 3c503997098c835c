package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WMI instances and enumerations in the shapes real hosts send (test-fixtures/windows-shapes), read through the
 * public API: property values (xsi:nil, cim:Datetime, cim:Interval, arrays, EPR-valued properties) and item counts
 * across Enumerate and Pull, including a w:TimedOut on a Pull. Expected values were read from the files.
 */
class InstanceShapeTest {
    private static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    private static final String OS = WMI + "root/cimv2/Win32_OperatingSystem";
    private static final String PROCESS = WMI + "root/cimv2/Win32_Process";
    private static final String SERVICE = WMI + "root/cimv2/Win32_Service";
    private static final String DISK = WMI + "root/cimv2/*";
    private static final String V2 = WMI + "root/virtualization/v2/";

    private static List<CimInstance> all(WsManClient client, String uri, EnumerateOptions options) {
        List<CimInstance> items = new ArrayList<>();
        try (Enumeration<CimInstance> e = client.enumerate(uri, options)) {
            e.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void getOfWin32OperatingSystemZhCn() {
        ShapeTransport t = new ShapeTransport("wmi-get-win32-operatingsystem-zh-CN.xml");
        try (WsManClient client = t.client()) {
            CimInstance os = client.get(OS, SelectorSet.EMPTY);
            assertEquals("Win32_OperatingSystem", os.className());
            assertEquals(OS, os.resourceUri());
            assertEquals("\\Device\\HarddiskVolume1", os.string("BootDevice").orElseThrow());
            assertEquals(9600L, os.number("BuildNumber").orElseThrow());
            assertEquals("Microsoft Windows Server 2012 R2 \u6570\u636e\u4e2d\u5fc3\u7248",
                    os.string("Caption").orElseThrow());
            assertTrue(os.isNull("CSDVersion"));
            assertEquals(Instant.parse("2015-09-14T00:02:11.125Z"), os.datetime("LastBootUpTime").orElseThrow());
            assertEquals(List.of("zh-CN", "en-US"), os.strings("MUILanguages"));
            assertEquals("0804", os.string("Locale").orElseThrow(), "a string, not the number 804");
        }
    }

    @Test
    void getOfAShellReadsItsPropertiesAndIntervals() {
        ShapeTransport t = new ShapeTransport("shell-get-response.xml");
        try (WsManClient client = t.client()) {
            CimInstance shell = client.get("http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
                    SelectorSet.of("ShellId", "D41C7A38-5E92-4B06-A3F7-18C6E2B095DA"));
            assertEquals("Shell", shell.className());
            assertEquals("LAB\\svc-replica", shell.string("Owner").orElseThrow());
            assertEquals(6120L, shell.number("ProcessId").orElseThrow());
            assertEquals(Duration.ofHours(2), shell.interval("IdleTimeOut").orElseThrow());
            assertEquals(Duration.ofMillis(2147483647L), shell.interval("MaxIdleTimeOut").orElseThrow());
            assertEquals(Duration.ofSeconds(192), shell.interval("ShellRunTime").orElseThrow());
        }
    }

    @Test
    void enumerationWithDatetimeOffsetsAndNils() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-win32-process-zh-CN.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> items = all(client, PROCESS, EnumerateOptions.all());
            assertEquals(2, items.size());
            CimInstance vmms = items.get(0);
            assertEquals("vmms.exe", vmms.string("Caption").orElseThrow());
            assertTrue(vmms.has("CommandLine") && vmms.isNull("CommandLine"));
            assertEquals(Instant.parse("2015-09-14T00:03:27.359375Z"), vmms.datetime("CreationDate").orElseThrow());
            CimInstance notepad = items.get(1);
            assertEquals("\"C:\\Windows\\system32\\\u8bb0\u4e8b\u672c.exe\" C:\\\u6570\u636e\\\u8bf4\u660e.txt",
                    notepad.string("CommandLine").orElseThrow());
            assertEquals(Instant.parse("2015-09-15T09:45:01.500Z"), notepad.datetime("CreationDate").orElseThrow());
            assertEquals(4512L, notepad.number("ProcessId").orElseThrow());
            assertEquals(0, t.unanswered(), "EndOfSequence in the Enumerate reply: no Pull, no Release");
        }
    }

    @Test
    void hyperVV1AssociationWithEndpointReferenceProperties() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-msvm-settingsdefinecapabilities-v1-zh-CN.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> items = all(client, WMI + "root/virtualization/Msvm_SettingsDefineCapabilities",
                    EnumerateOptions.all());
            assertEquals(1, items.size());
            CimInstance a = items.get(0);
            EndpointReference group = a.reference("GroupComponent").orElseThrow();
            assertEquals("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", group.address());
            assertEquals(WMI + "root/virtualization/Msvm_AllocationCapabilities", group.resourceUri());
            assertEquals(Map.of("InstanceID", "Microsoft:82786686-2E7F-43AE-8B36-378D23646E44"),
                    group.selectors().selectors());
            EndpointReference part = a.reference("PartComponent").orElseThrow();
            assertEquals(WMI + "root/virtualization/Msvm_MemorySettingData", part.resourceUri());
            assertEquals("Microsoft:Definition\\82786686-2E7F-43AE-8B36-378D23646E44\\Maximum",
                    part.selectors().selectors().get("InstanceID"));
            assertEquals(2L, a.number("ValueRange").orElseThrow());
            assertEquals(3L, a.number("ValueRole").orElseThrow());
        }
    }

    @Test
    void enumerateThenPullAcrossATimedOutPull() {
        // Enumerate (a context, no EndOfSequence), a Pull that times out, the same Pull again.
        ShapeTransport t = new ShapeTransport("wmi-enumerate-first-win32-service-zh-CN.xml",
                "fault-timedout-pull.xml", "wmi-pull-end-win32-service-zh-CN.xml");
        try (WsManClient client = t.client(); Enumeration<CimInstance> e = client.enumerate(SERVICE,
                EnumerateOptions.all())) {
            List<String> names = new ArrayList<>();
            e.forEachRemaining(i -> names.add(i.string("Name").orElseThrow()));
            assertEquals(List.of("vmms", "vmickvpexchange", "WinRM"), names);
            assertEquals(1, e.pullCount(), "one batch pulled; the timed-out Pull was sent again");
            assertEquals(3, t.requests().size());
            assertTrue(t.requests().get(1).contains("uuid:261D5992-EBB1-4015-8790-8252A192EAB0"),
                    "the Pull carries the context of the Enumerate reply");
            assertTrue(t.requests().get(2).contains("uuid:261D5992-EBB1-4015-8790-8252A192EAB0"),
                    "and so does the Pull sent after w:TimedOut");
        }
    }

    @Test
    void wqlFragmentsFromAGermanHostAcrossEnumerateTimedOutAndPull() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-fragments-de-DE.xml", "fault-timedout-pull-de-DE.xml",
                "wmi-pull-fragments-de-DE.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> disks = all(client, DISK,
                    EnumerateOptions.wql("SELECT Name,FreeSpace,Size FROM Win32_LogicalDisk"));
            assertEquals(3, disks.size(), "2 in the Enumerate reply, 1 in the Pull reply after w:TimedOut");
            List<String> names = disks.stream().map(d -> d.string("Name").orElseThrow()).toList();
            assertEquals(List.of("C:", "D:", "E:"), names);
            assertEquals(12884901888L, disks.get(0).number("FreeSpace").orElseThrow());
            assertTrue(disks.get(1).isNull("FreeSpace") && disks.get(1).isNull("Size"));
            assertEquals(1099511627776L, disks.get(2).number("Size").orElseThrow());
            assertEquals("XmlFragment", disks.get(0).className());
            assertEquals(3, t.requests().size());
            assertFalse(t.requests().get(2).contains("Release"), "EndOfSequence: no Release");
        }
    }

    @Test
    void hyperVComputerSystemsInOneOptimizedEnumerate() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-optimized-msvm-computersystem.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> systems = all(client, V2 + "Msvm_ComputerSystem", EnumerateOptions.all());
            assertEquals(2, systems.size());
            CimInstance host = systems.get(0);
            assertEquals("Hosting Computer System", host.string("Caption").orElseThrow());
            assertTrue(host.isNull("AvailableRequestedStates") && host.isNull("ReplicationMode"));
            assertEquals(List.of(), host.numbers("AvailableRequestedStates"));
            CimInstance vm = systems.get(1);
            assertEquals("ledger-db-02", vm.string("ElementName").orElseThrow());
            assertEquals(List.of(3L, 32768L), vm.numbers("AvailableRequestedStates"));
            assertEquals(List.of(2L, 32782L), vm.numbers("OperationalStatus"));
            assertEquals(List.of("Operating normally", "Replicating"), vm.strings("StatusDescriptions"));
            assertEquals(Instant.parse("2024-02-19T13:07:44.612Z"), vm.datetime("InstallDate").orElseThrow());
            assertEquals(864123456L, vm.number("OnTimeInMilliseconds").orElseThrow());
            assertEquals(1L, vm.number("ReplicationMode").orElseThrow());
            assertEquals(1, t.requests().size(), "w:EndOfSequence in the Enumerate reply");
        }
    }

    @Test
    void hyperVSettingsWithIntervalDatetimeArrayAndNil() {
        ShapeTransport t = new ShapeTransport("wmi-get-msvm-virtualsystemsettingdata.xml");
        try (WsManClient client = t.client()) {
            CimInstance s = client.get(V2 + "Msvm_VirtualSystemSettingData",
                    SelectorSet.of("InstanceID", "Microsoft:0DA82104-9C27-4270-ABDF-7DCB2A9BECE7"));
            assertEquals(Duration.ofSeconds(150), s.interval("AutomaticStartupActionDelay").orElseThrow());
            assertEquals(Instant.parse("2024-02-19T13:07:44.598Z"), s.datetime("CreationTime").orElseThrow());
            assertEquals(List.of("Ledger database, tier 1", "Owner: finance platform team"), s.strings("Notes"));
            assertTrue(s.isNull("SnapshotDataRoot"));
            assertEquals("D:\\Hyper-V\\ledger-db-02", s.string("ConfigurationDataRoot").orElseThrow());
            assertEquals("9.0", s.string("Version").orElseThrow());
        }
    }

    @Test
    void hyperVJobWithElapsedTimeAndNilErrorDescription() {
        ShapeTransport t = new ShapeTransport("wmi-get-msvm-concretejob.xml");
        try (WsManClient client = t.client()) {
            CimInstance job = client.get(V2 + "Msvm_ConcreteJob",
                    SelectorSet.of("InstanceID", "1C621F58-AB35-4AA2-A290-79FA1073B4CB"));
            assertEquals(Duration.ofMillis(7250), job.interval("ElapsedTime").orElseThrow());
            assertEquals(Instant.parse("2026-03-02T21:40:05.817Z"), job.datetime("TimeSubmitted").orElseThrow());
            assertTrue(job.isNull("ErrorDescription"));
            assertEquals(7L, job.number("JobState").orElseThrow());
            assertEquals(100L, job.number("PercentComplete").orElseThrow());
        }
    }

    @Test
    void hyperVEnumerateInEprMode() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-epr-msvm-computersystem.xml");
        List<EndpointReference> refs = new ArrayList<>();
        try (WsManClient client = t.client(); Enumeration<EndpointReference> e = client.enumerateReferences(
                V2 + "Msvm_ComputerSystem", EnumerateOptions.all())) {
            e.forEachRemaining(refs::add);
        }
        assertEquals(3, refs.size());
        assertEquals(List.of("HV-AMS-12", "0DA82104-9C27-4270-ABDF-7DCB2A9BECE7",
                "4590B531-383C-4171-A378-20DD0F02CDD3"),
                refs.stream().map(r -> r.selectors().selectors().get("Name")).toList());
        assertEquals(V2 + "Msvm_ComputerSystem", refs.get(1).resourceUri());
    }

    @Test
    void hyperVRelationshipsAcrossPullsWithATimedOutPullBetween() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-context-msvm-replicationrelationship.xml",
                "wmi-pull-msvm-replicationrelationship.xml", "fault-timedout-activityid.xml",
                "wmi-pull-end-msvm-replicationrelationship.xml");
        try (WsManClient client = t.client(); Enumeration<CimInstance> e = client.enumerate(
                V2 + "Msvm_ReplicationRelationship", EnumerateOptions.all().optimize(false))) {
            List<CimInstance> items = new ArrayList<>();
            e.forEachRemaining(items::add);
            assertEquals(3, items.size(), "0 with the context, 2 in the first Pull, 1 after the w:TimedOut");
            assertEquals(2, e.pullCount());
            assertEquals("Microsoft:0DA82104-9C27-4270-ABDF-7DCB2A9BECE7\\HVR\\0",
                    items.get(0).string("InstanceID").orElseThrow());
            assertEquals(Instant.parse("2026-03-02T21:35:00.204Z"),
                    items.get(0).datetime("LastReplicationTime").orElseThrow());
            assertTrue(items.get(0).isNull("LastApplyTime"));
            assertEquals(Instant.parse("2026-03-02T20:00:01Z"),
                    items.get(1).datetime("LastApplicationConsistentReplicationTime").orElseThrow());
            assertEquals(1L, items.get(2).number("ReplicationState").orElseThrow());
            assertTrue(items.get(2).isNull("LastReplicationTime"));
            assertEquals(4, t.requests().size());
            assertTrue(t.requests().get(3).contains("uuid:9E23D9BF-CD24-4A98-B359-1169A371C4C0"),
                    "the Pull after w:TimedOut carries the last context");
        }
    }

    @Test
    void hyperVInvokeReplyCarriesTheJobReference() {
        ShapeTransport t = new ShapeTransport("wmi-invoke-revertfailover-output.xml");
        try (WsManClient client = t.client()) {
            MethodOutput out = client.invoke(V2 + "Msvm_ReplicationService", SelectorSet.of(
                    "CreationClassName", "Msvm_ReplicationService", "Name", "replicasvc",
                    "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HV-AMS-12"), "RevertFailover",
                    MethodInput.create().addReference("ComputerSystem", EndpointReference.of(
                            V2 + "Msvm_ComputerSystem", SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
                                    "Name", "0DA82104-9C27-4270-ABDF-7DCB2A9BECE7"))));
            assertEquals(4096L, out.returnValue());
            EndpointReference job = out.reference("Job").orElseThrow();
            assertEquals(V2 + "Msvm_ConcreteJob", job.resourceUri());
            assertEquals(Map.of("InstanceID", "1C621F58-AB35-4AA2-A290-79FA1073B4CB",
                    "__cimnamespace", "root/virtualization/v2"), job.selectors().selectors());
            assertTrue(t.requests().get(0).contains("RevertFailover_INPUT"), t.requests().get(0));
        }
    }
}
