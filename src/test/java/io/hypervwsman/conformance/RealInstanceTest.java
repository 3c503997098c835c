package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WMI instances and enumerations captured from real hosts (test-fixtures/windows), read through the public API:
 * property values (xsi:nil, cim:Datetime, cim:Interval, arrays, EPR-valued properties) and item counts across
 * Enumerate and Pull, including a w:TimedOut on a Pull. Expected values were read from the files.
 */
class RealInstanceTest {
    private static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    private static final String OS = WMI + "root/cimv2/Win32_OperatingSystem";
    private static final String PROCESS = WMI + "root/cimv2/Win32_Process";
    private static final String DISK = WMI + "root/cimv2/*";

    private static List<CimInstance> all(WsManClient client, String uri, EnumerateOptions options) {
        List<CimInstance> items = new ArrayList<>();
        try (Enumeration<CimInstance> e = client.enumerate(uri, options)) {
            e.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void getOfWin32OperatingSystemZhCn() {
        CapturedTransport t = new CapturedTransport("runnermei-get-win32-operatingsystem.xml");
        try (WsManClient client = t.client()) {
            CimInstance os = client.get(OS, SelectorSet.EMPTY);
            assertEquals("Win32_OperatingSystem", os.className());
            assertEquals(OS, os.resourceUri());
            assertEquals("\\Device\\HarddiskVolume2", os.string("BootDevice").orElseThrow());
            assertEquals(7601L, os.number("BuildNumber").orElseThrow());
            assertEquals("Multiprocessor Free", os.string("BuildType").orElseThrow());
        }
    }

    @Test
    void getOfAShellReadsItsPropertiesAndIntervals() {
        CapturedTransport t = new CapturedTransport("pypsrp-psrp-is-alive-invalid-selectors-3-response.xml");
        try (WsManClient client = t.client()) {
            CimInstance shell = client.get("http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
                    SelectorSet.of("ShellId", "6F1903CA-E06A-4A8B-BDFC-B44203149D55"));
            assertEquals("Shell", shell.className());
            assertEquals("vagrant", shell.string("Owner").orElseThrow());
            assertEquals(4384L, shell.number("ProcessId").orElseThrow());
            assertEquals(Duration.ofSeconds(60), shell.interval("IdleTimeOut").orElseThrow());
            assertEquals(Duration.ofMillis(2147483647L), shell.interval("MaxIdleTimeOut").orElseThrow());
            assertEquals(Duration.ZERO, shell.interval("ShellRunTime").orElseThrow());
        }
    }

    @Test
    void enumerationWithDatetimeIntervalNilAndArray() {
        CapturedTransport t = new CapturedTransport("runnermei-enumerate-win32-process.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> items = all(client, PROCESS, EnumerateOptions.all());
            assertEquals(1, items.size());
            CimInstance p = items.get(0);
            assertEquals("System Idle Process", p.string("Caption").orElseThrow());
            assertTrue(p.has("CommandLine") && p.isNull("CommandLine"));
            assertEquals(Instant.parse("2014-04-03T06:45:50.468750Z"), p.datetime("CreationDate").orElseThrow());
            assertEquals(Duration.ofSeconds(100), p.interval("AutomaticStartupActionDelay").orElseThrow());
            assertEquals(List.of("192.168.1.103", "fe80::6962:c157:2318:423d", "192.168.1.102"),
                    p.strings("IPAddress"));
            assertEquals(0, t.unanswered(), "EndOfSequence in the Enumerate reply: no Pull, no Release");
        }
    }

    @Test
    void hyperVAssociationWithEndpointReferenceProperties() {
        CapturedTransport t = new CapturedTransport("runnermei-enumerate-msvm-settingsdefinecapabilities.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> items = all(client, WMI + "root/virtualization/Msvm_SettingsDefineCapabilities",
                    EnumerateOptions.all());
            assertEquals(1, items.size());
            CimInstance a = items.get(0);
            EndpointReference group = a.reference("GroupComponent").orElseThrow();
            assertEquals("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", group.address());
            assertEquals(WMI + "root/virtualization/Msvm_AllocationCapabilities", group.resourceUri());
            assertEquals(Map.of("InstanceID", "Microsoft:06FF76FA-2D58-4BAF-9F8D-455773824F37"),
                    group.selectors().selectors());
            EndpointReference part = a.reference("PartComponent").orElseThrow();
            assertEquals(WMI + "root/virtualization/Msvm_Synthetic3DDisplayControllerSettingData", part.resourceUri());
            assertEquals("Microsoft:Definition\\06FF76FA-2D58-4BAF-9F8D-455773824F37\\Default",
                    part.selectors().selectors().get("InstanceID"));
            assertEquals(0L, a.number("PropertyPolicy").orElseThrow());
            assertEquals(0L, a.number("ValueRole").orElseThrow());
        }
    }

    @Test
    void enumerateThenPullAcrossATimedOutPull() {
        // Enumerate (context, no items' end), a Pull that times out (pypsrp's real w:TimedOut), the Pull again.
        CapturedTransport t = new CapturedTransport("runnermei-list-first-enumerate.xml",
                "pypsrp-winrs-operation-timeout-3-response.xml", "runnermei-list-end-pull.xml");
        try (WsManClient client = t.client(); Enumeration<CimInstance> e = client.enumerate(PROCESS,
                EnumerateOptions.all())) {
            List<String> captions = new ArrayList<>();
            e.forEachRemaining(i -> captions.add(i.string("Caption").orElseThrow()));
            assertEquals(List.of("System Idle Process", "SystemTest"), captions);
            assertEquals(1, e.pullCount(), "one batch pulled; the timed-out Pull was sent again");
            assertEquals(3, t.requests().size());
            assertTrue(t.requests().get(1).contains("uuid:CD02E6BE-C6F3-47FD-9AF5-6DCBE89A448E"),
                    "the Pull carries the context of the Enumerate reply");
            assertTrue(t.requests().get(2).contains("uuid:CD02E6BE-C6F3-47FD-9AF5-6DCBE89A448E"),
                    "and so does the Pull sent after w:TimedOut");
        }
    }

    @Test
    void wqlFragmentsFromAGermanHostAcrossEnumerateAndPull() {
        CapturedTransport t = new CapturedTransport("opennms-optimized-enum-response-with-fragments-1.xml",
                "opennms-optimized-enum-response-with-fragments-2.xml");
        try (WsManClient client = t.client()) {
            List<CimInstance> disks = all(client, DISK,
                    EnumerateOptions.wql("SELECT Name,FreeSpace,Size FROM Win32_LogicalDisk"));
            assertEquals(4, disks.size(), "1 in the Enumerate reply, 3 in the Pull reply");
            List<String> names = disks.stream().map(d -> d.string("Name").orElseThrow()).toList();
            assertEquals(List.of("A:", "C:", "D:", "E:"), names);
            assertTrue(disks.get(0).isNull("FreeSpace") && disks.get(0).isNull("Size"));
            assertEquals(44395380736L, disks.get(1).number("FreeSpace").orElseThrow());
            assertEquals(64421359616L, disks.get(2).number("Size").orElseThrow());
            assertTrue(disks.get(3).isNull("Size"));
            assertEquals("XmlFragment", disks.get(0).className());
            assertFalse(t.requests().get(1).contains("Release"), "EndOfSequence: no Release");
        }
    }
}
