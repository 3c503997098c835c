package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Success replies of real WinRS exchanges (pypsrp, WinRb/WinRM, masterzen/winrm), read through the public Get as
 * generic instances: the body element and the values a person reads in it. They are not WMI operations; they show
 * that replies with other body shapes, pretty-printed or on one line, pass the reply checks and read as written.
 */
class RealShellReplyTest {
    private static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

    private static CimInstance read(String file) {
        CapturedTransport t = new CapturedTransport(file);
        try (WsManClient client = t.client()) {
            return client.get(SHELL, SelectorSet.of("ShellId", "x"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pypsrp-winrs-standard-1-response.xml, CommandResponse, CommandId, CF84C20A-0A35-43FA-AF78-0B4711DA5F30",
        "masterzen-command.xml, CommandResponse, CommandId, 1A6DEE6B-EC68-4DD6-87E9-030C0048ECC4",
    })
    void commandResponse(String file, String element, String property, String value) {
        CimInstance r = read(file);
        assertEquals(element, r.className());
        assertEquals(value, r.string(property).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pypsrp-winrs-standard-2-response.xml, 3, aGkNCg==",
        "masterzen-receive.xml, 2, VGhhdCdzIGFsbCBmb2xrcyEhIQ==",
    })
    void receiveResponseStreams(String file, int streams, String firstStdout) {
        CimInstance r = read(file);
        assertEquals("ReceiveResponse", r.className());
        List<String> values = r.strings("Stream");
        assertEquals(streams, values.size());
        assertEquals(firstStdout, values.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "winrb-open_shell_v1.xml, http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous,"
                + " uuid:739990FF-1492-4CDD-80BB-6E07ADB06D85",
        "winrb-open_shell_v2.xml, http://localhost:5985/wsman, 62DE33F0-8674-43D9-B6A5-3298012CC4CD",
    })
    void resourceCreatedIsAnEndpointReference(String file, String address, String shellId) {
        CimInstance r = read(file);
        assertEquals("ResourceCreated", r.className());
        EndpointReference epr = EndpointReference.from(r.element());
        assertEquals(address, epr.address());
        assertEquals(SHELL, epr.resourceUri());
        assertEquals(shellId, epr.selectors().selectors().get("ShellId"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pypsrp-winrs-standard-3-response.xml"})
    void emptySignalResponse(String file) {
        CimInstance r = read(file);
        assertEquals("SignalResponse", r.className());
        assertEquals(0, r.propertyNames().size());
    }
}
