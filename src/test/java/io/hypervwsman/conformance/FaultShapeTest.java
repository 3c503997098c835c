package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.ProviderFault;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFault;
import io.hypervwsman.wsman.WsManFaultException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault in test-fixtures/windows-shapes (our own files in the shapes Windows sends; the README names the
 * capture each one follows), as a person reads it through the public API: code, subcode, WSManFault code, machine
 * and message, and the provider's details as fields. Expected values were read from the files.
 */
class FaultShapeTest {
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String CS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_ComputerSystem";

    /** One fault file and what it says. Null: the reply does not carry it. */
    record Expected(String file, String code, String subcodeNs, String subcode, Long wsmanCode, String machine,
                    String message, String provider, Long providerCode, String providerMachine) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final String INVALID_SELECTORS = "The WS-Management service cannot process the request because the request"
            + " contained invalid selectors for the resource.";
    static final String TIMED_OUT = "The WS-Management service cannot complete the operation within the time specified"
            + " in OperationTimeout.";
    static final String NO_COMMAND = "The Windows Remote Shell received a request to perform an operation on a command"
            + " identifier that does not exist. Either the command has completed execution or the client specified an"
            + " invalid command identifier.";
    static final String NO_CLASS = "The specified class does not exist in the given namespace.";
    static final String NOT_FOUND_DE = "Der WS-Verwaltungsdienst kann die Anforderung nicht verarbeiten. Der Dienst"
            + " kann die durch den Ressourcen-URI und die Selektoren angegebene Ressource nicht finden.";
    static final String TIMED_OUT_DE = "Der WS-Verwaltungsdienst kann den Vorgang nicht innerhalb der in"
            + " OperationTimeout angegebenen Zeit abschlie\u00dfen.";

    static Stream<Expected> faults() {
        return Stream.of(
            new Expected("fault-invalid-selectors-shell-provider.xml", "Sender", WSMAN, "InvalidSelectors",
                    2150858843L, "198.51.100.23", INVALID_SELECTORS, "Shell provider", 2150858843L, "198.51.100.23"),
            new Expected("fault-invalid-timeout-header.xml", "Sender", ADDRESSING, "InvalidMessageInformationHeader",
                    2150858767L, "198.51.100.23", "The WS-Management service cannot process the request. The XML"
                    + " contains an invalid timeout field in the SOAP header: PT-30S.", null, null, null),
            new Expected("fault-timedout-activityid.xml", "Receiver", WSMAN, "TimedOut", 2150858793L,
                    "hv02.lab.example", TIMED_OUT, null, null, null),
            new Expected("fault-timedout-pull.xml", "Receiver", WSMAN, "TimedOut", 2150858793L, "198.51.100.41",
                    TIMED_OUT, null, null, null),
            new Expected("fault-timedout-pull-de-DE.xml", "Receiver", WSMAN, "TimedOut", 2150858793L, "HV-BER-07",
                    TIMED_OUT_DE, null, null, null),
            new Expected("fault-unknown-command-id.xml", "Sender", WSMAN, "InvalidSelectors", 2150858843L,
                    "203.0.113.9", NO_COMMAND, null, null, null),
            new Expected("fault-invalid-parameter-provider-text.xml", "Sender", WSMAN, "InvalidParameter", 87L,
                    "203.0.113.9", "The parameter is incorrect.", "Shell cmd plugin", null, null),
            new Expected("fault-file-not-found-2008r2.xml", "Receiver", WSMAN, "InternalError", 2147942402L,
                    "w2k8r2-core.lab.example", "The system cannot find the file specified.", "Shell cmd plugin",
                    null, null),
            new Expected("fault-lowercase-relatesto-empty-lang.xml", "Receiver", WSMAN, "InternalError",
                    2147942405L, "203.0.113.77", "Access is denied.", "Shell cmd plugin", null, null),
            new Expected("fault-cannot-process-filter-winrm11.xml", "Sender", ENUMERATION, "CannotProcessFilter",
                    2150858778L, null, NO_CLASS, "WMIv1 plugin for Windows Remote Management", 2150858778L, null),
            new Expected("fault-cannot-process-filter-extended-status.xml", "Sender", ENUMERATION,
                    "CannotProcessFilter", 2150858778L, "localhost", NO_CLASS, "WMI Provider", 2150858778L,
                    "HVLAB-2008R2"),
            new Expected("fault-destination-unreachable-de-DE.xml", "Sender", ADDRESSING, "DestinationUnreachable",
                    2150858752L, "192.0.2.61", NOT_FOUND_DE, "WMI Provider", 2150858752L, "HV-BER-07"),
            new Expected("fault-provider-not-found-zh-CN.xml", "Sender", ADDRESSING, "DestinationUnreachable",
                    2150858752L, "HV-SHA-03", "\u672a\u627e\u5230", "WMI Provider", 2147749890L, "HV-SHA-03"),
            new Expected("fault-omi-internal-error.xml", "Receiver", WSMAN, "InternalError", null, null, null, null,
                    null, null),
            new Expected("fault-quota-msft-wmierror-no-relatesto.xml", "Sender", WSMAN, "QuotaLimit", null, null,
                    null, null, null, null));
    }

    static WsManFaultException getFrom(String file) {
        ShapeTransport transport = new ShapeTransport(file);
        try (WsManClient client = transport.client()) {
            WsManFaultException e = assertThrows(WsManFaultException.class,
                    () -> client.get(CS, SelectorSet.of("Name", "HV01")));
            assertEquals(0, transport.unanswered());
            return e;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultReadsAsTheHostWroteIt(Expected x) {
        WsManFaultException e = getFrom(x.file());
        WsManFault f = e.fault();

        assertEquals(x.code(), f.code().getLocalPart());
        assertEquals("http://www.w3.org/2003/05/soap-envelope", f.code().getNamespaceURI());
        assertEquals(x.subcode(), f.subcodeName());
        assertTrue(f.hasSubcode(x.subcodeNs(), x.subcode()), f.subcodes().toString());
        assertEquals(x.wsmanCode(), f.wsmanCode());
        assertEquals(x.machine(), f.machine());
        assertEquals(x.message(), f.message());
        assertEquals(1, io.hypervwsman.cli.ExitCodes.of(e));
        assertTrue(e.getMessage().contains(f.text()), e.getMessage());
        ProviderFault p = f.provider();
        if (x.provider() == null) {
            assertTrue(p == null || p.provider() == null, String.valueOf(p));
        } else {
            assertNotNull(p);
            assertEquals(x.provider(), p.provider());
            assertEquals(x.providerCode(), p.code());
            assertEquals(x.providerCode(), f.providerError());
            assertEquals(x.providerMachine(), p.machine());
            assertEquals(x.message(), p.message());
        }
    }

    @Test
    void extendedStatusBecomesFieldsNotMessageText() {
        WsManFault f = getFrom("fault-cannot-process-filter-extended-status.xml").fault();
        ProviderFault p = f.provider();

        assertEquals(NO_CLASS, f.message());
        assertEquals("%systemroot%\\system32\\WsmWmiPl.dll", p.path());
        assertEquals("ExecQuery", p.operation());
        assertEquals("SELECT * FROM Win32_Servic WHERE Name=\"vmms\"", p.parameterInfo());
        assertEquals("WinMgmt", p.providerName());
        assertNull(p.statusCode(), "xsi:nil");
        assertFalse(f.message().contains("ExecQuery") || f.message().contains("WinMgmt"), f.message());
        assertEquals("The data source could not process the filter. The filter might be missing or it might be"
                + " invalid. Change the filter and try the request again.", f.reason());
    }

    @Test
    void hyperVProviderFaultInChineseKeepsItsMessageApartFromTheDetails() {
        WsManFault f = getFrom("fault-provider-not-found-zh-CN.xml").fault();
        ProviderFault p = f.provider();

        assertEquals("\u672a\u627e\u5230", f.message(), "the provider's own message: Not found");
        assertEquals("GetObject", p.operation());
        assertEquals("Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\","
                + "Name=\"45D6CB91-2219-4603-BB9A-80E489BA97C6\"", p.parameterInfo());
        assertEquals("VmmsWmiInstanceAndMethodProvider", p.providerName());
        assertNull(p.statusCode(), "xsi:nil");
        assertEquals("WS-Management \u670d\u52a1\u65e0\u6cd5\u5904\u7406\u8be5\u8bf7\u6c42\u3002"
                + "\u8be5\u670d\u52a1\u627e\u4e0d\u5230\u7531\u8d44\u6e90 URI \u548c\u9009\u62e9\u5668"
                + "\u6807\u8bc6\u7684\u8d44\u6e90\u3002", f.reason());
        assertFalse(f.message().contains("VmmsWmiInstanceAndMethodProvider"), f.message());
    }

    @Test
    void wmiErrorInTheDetailBecomesFields() {
        WsManFaultException e = getFrom("fault-quota-msft-wmierror-no-relatesto.xml");
        WsManFault f = e.fault();
        ProviderFault p = f.provider();

        assertEquals(2150859173L, p.errorCode());
        assertEquals(30L, p.errorCategory());
        assertEquals(27L, p.cimStatusCode());
        String quota = "The WS-Management service cannot process the request. This user is allowed a maximum number"
                + " of 12 concurrent shells, which has been exceeded. Close existing shells or raise the quota for"
                + " this user.";
        assertEquals(quota, p.errorMessage());
        assertEquals(quota, f.text(), "no f:WSManFault: the WMI error's message is the most specific text");
        assertEquals("The WS-Management service cannot process the request. The maximum number of concurrent shells"
                + " for this user has been exceeded. Close existing shells or raise the quota for this user.",
                f.reason());
        assertTrue(e.getMessage().contains("QuotaLimit (2150859173): " + quota), "the WMI error's code stands in for the"
                + " missing f:WSManFault code: " + e.getMessage());
    }

    @Test
    void omiFaultWithoutDetailReadsItsReason() {
        WsManFault f = getFrom("fault-omi-internal-error.xml").fault();

        assertEquals("get-instance: key property Name has no value", f.reason());
        assertEquals(f.reason(), f.text());
        assertNull(f.provider());
    }
}
