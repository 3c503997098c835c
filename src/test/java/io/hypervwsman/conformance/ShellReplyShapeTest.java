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
 * WinRS success replies in the shapes real hosts send (test-fixtures/windows-shapes; shapes of pypsrp's, WinRb/WinRM's
 * and masterzen/winrm's captures), read through the public Get as generic instances: the body element and the values
 * a person reads in it. They are not WMI operations; they show that replies with other body shapes, pretty-printed
 * or on one line, pass the reply checks and read as written.
 */
class ShellReplyShapeTest {
    private static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

    private static CimInstance read(String file) {
        ShapeTransport t = new ShapeTransport(file);
        try (WsManClient client = t.client()) {
            return client.get(SHELL, SelectorSet.of("ShellId", "x"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shell-command-response.xml, CommandResponse, CommandId, F0B3D9E7-2A41-4C6E-95D8-7E1C3A0B4F62",
        "shell-command-response-indented.xml, CommandResponse, CommandId, A2C7E5F1-08B4-4D3A-9E6C-5B1F7D9023E8",
    })
    void commandResponse(String file, String element, String property, String value) {
        CimInstance r = read(file);
        assertEquals(element, r.className());
        assertEquals(value, r.string(property).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shell-receive-response-done.xml, 3, SFYtQU1TLTEyDQo=",
        "shell-receive-response-running.xml, 2, cmVwbGljYSBjaGVjayBzdGFydGVk",
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
        "shell-resource-created-winrm11.xml, http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous,"
                + " uuid:A6D93E07-2C5B-4F18-B9E4-70F1C8D2A359",
        "shell-resource-created-winrm20.xml, http://hv-ams-12.lab.example:5985/wsman,"
                + " E3A8C1F6-4D92-4B7E-85A0-9C6F2D1B7E48",
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
    @CsvSource({"shell-signal-response.xml"})
    void emptySignalResponse(String file) {
        CimInstance r = read(file);
        assertEquals("SignalResponse", r.className());
        assertEquals(0, r.propertyNames().size());
    }
}
