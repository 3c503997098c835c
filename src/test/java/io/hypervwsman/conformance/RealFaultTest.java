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
 * Every fault in test-fixtures/windows, as a person reads it through the public API: code, subcode, WSManFault
 * code, machine and message, and the provider's details as fields. Expected values were read from the files.
 */
class RealFaultTest {
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String CS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_ComputerSystem";

    /** One captured fault and what it says. Null: the reply does not carry it. */
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

    static Stream<Expected> faults() {
        return Stream.of(
            new Expected("pypsrp-psrp-is-alive-invalid-selectors-4-response.xml", "Sender", WSMAN, "InvalidSelectors",
                    2150858843L, "127.0.0.1", INVALID_SELECTORS, "Shell provider", 2150858843L, "127.0.0.1"),
            new Expected("pypsrp-psrp-is-alive-other-wsman-error-3-response.xml", "Sender", ADDRESSING,
                    "InvalidMessageInformationHeader", 2150858767L, "127.0.0.1", "The WS-Management service cannot"
                    + " process the request. The XML contains an invalid timeout field in the SOAP header: PT-1S.",
                    null, null, null),
            new Expected("pypsrp-psrp-long-running-cmdlet-4-response.xml", "Receiver", WSMAN, "TimedOut",
                    2150858793L, "127.0.0.1", TIMED_OUT, null, null, null),
            new Expected("pypsrp-winrs-operation-timeout-3-response.xml", "Receiver", WSMAN, "TimedOut",
                    2150858793L, "192.168.56.11", TIMED_OUT, null, null, null),
            new Expected("pypsrp-winrs-operation-timeout-4-response.xml", "Receiver", WSMAN, "TimedOut",
                    2150858793L, "192.168.56.11", TIMED_OUT, null, null, null),
            new Expected("pypsrp-psrp-receive-failure-3-response.xml", "Sender", WSMAN, "InvalidSelectors",
                    2150858843L, "127.0.0.1", NO_COMMAND, null, null, null),
            new Expected("pypsrp-winrs-bad-cmd-id-2-response.xml", "Sender", WSMAN, "InvalidSelectors",
                    2150858843L, "192.168.56.15", NO_COMMAND, null, null, null),
            new Expected("pypsrp-winrs-fail-poll-process-1-response.xml", "Sender", WSMAN, "InvalidParameter",
                    87L, "127.0.0.1", "The parameter is incorrect.", "Shell cmd plugin", null, null),
            new Expected("pypsrp-winrs-no-cmd-shell-1-response.xml", "Receiver", WSMAN, "InternalError",
                    2147942402L, "server2008r2.domain.local", "The system cannot find the file specified.",
                    "Shell cmd plugin", null, null),
            new Expected("masterzen-command-fault-provider-text.xml", "Receiver", WSMAN, "InternalError",
                    2147942606L, "52.12.219.136", "The filename or extension is too long.", "Shell cmd plugin",
                    null, null),
            new Expected("winrb-soap_fault_v1.xml", "Sender", ENUMERATION, "CannotProcessFilter", 2150858778L, null,
                    NO_CLASS, "WMIv1 plugin for Windows Remote Management", 2150858778L, null),
            new Expected("winrb-soap_fault_v2.xml", "Sender", ENUMERATION, "CannotProcessFilter", 2150858778L,
                    "localhost", NO_CLASS, "WMI Provider", 2150858778L, "vagrant-2008R2"),
            new Expected("opennms-get-response-fault.xml", "Sender", ADDRESSING, "DestinationUnreachable",
                    2150858752L, "172.23.1.106", "The WS-Management service cannot process the request. The service"
                    + " cannot find the resource identified by the resource URI and selectors.", "WMI Provider",
                    2150858752L, "WIN-PHTGQ0P3OAO"),
            new Expected("winrb-soap_fault_omi.xml", "Receiver", WSMAN, "InternalError", null, null, null, null,
                    null, null),
            new Expected("winrb-wmi_error_v2.xml", "Sender", WSMAN, "QuotaLimit", null, null, null, null, null,
                    null));
    }

    static WsManFaultException getFrom(String file) {
        CapturedTransport transport = new CapturedTransport(file);
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
        WsManFault f = getFrom("winrb-soap_fault_v2.xml").fault();
        ProviderFault p = f.provider();

        assertEquals(NO_CLASS, f.message());
        assertEquals("%systemroot%\\system32\\WsmWmiPl.dll", p.path());
        assertEquals("ExecQuery", p.operation());
        assertEquals("Select * from Win32_Processa where name=\"sshd.exe\"", p.parameterInfo());
        assertEquals("WinMgmt", p.providerName());
        assertNull(p.statusCode(), "xsi:nil");
        assertFalse(f.message().contains("ExecQuery") || f.message().contains("WinMgmt"), f.message());
        assertEquals("The data source could not process the filter. The filter might be missing or it might be"
                + " invalid. Change the filter and try the request again.", f.reason());
    }

    @Test
    void wmiErrorInTheDetailBecomesFields() {
        WsManFaultException e = getFrom("winrb-wmi_error_v2.xml");
        WsManFault f = e.fault();
        ProviderFault p = f.provider();

        assertEquals(2150859173L, p.errorCode());
        assertEquals(30L, p.errorCategory());
        assertEquals(27L, p.cimStatusCode());
        String quota = "The WS-Management service cannot process the request. This user is allowed a maximum number"
                + " of 30 concurrent shells, which has been exceeded. Close existing shells or raise the quota for"
                + " this user.";
        assertEquals(quota, p.errorMessage());
        assertEquals(quota, f.text(), "no f:WSManFault: the WMI error's message is the most specific text");
        assertEquals("The WS-Management service cannot process the request. The maximum number of concurrent shells"
                + " for this user has been exceeded. Close existing shells or raise the quota for this user.",
                f.reason());
        assertTrue(e.getMessage().contains("QuotaLimit"), e.getMessage());
    }

    @Test
    void omiFaultWithoutDetailReadsItsReason() {
        WsManFault f = getFrom("winrb-soap_fault_omi.xml").fault();

        assertEquals("get-instance: instance name parameter is missing", f.reason());
        assertEquals(f.reason(), f.text());
        assertNull(f.provider());
    }
}
