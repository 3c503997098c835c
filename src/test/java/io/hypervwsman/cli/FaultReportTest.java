package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.wsman.ProviderFault;
import io.hypervwsman.wsman.WsManFault;
import io.hypervwsman.wsman.WsManFaultException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** A host fault's provider details reach --output json and --verbose as fields, never inside the message. */
class FaultReportTest {
    private static final WsManFault FAULT = new WsManFault(new QName("http://www.w3.org/2003/05/soap-envelope",
            "Sender"), List.of(new QName("http://schemas.xmlsoap.org/ws/2004/09/enumeration", "CannotProcessFilter")),
            "The data source could not process the filter.", 2150858778L, "localhost",
            "The specified class does not exist in the given namespace.", 2150858778L,
            new ProviderFault("WMI Provider", "%systemroot%\\system32\\WsmWmiPl.dll", 2150858778L, "vagrant-2008R2",
                    "The specified class does not exist in the given namespace.", "ExecQuery",
                    "Select * from Win32_Processa", "WinMgmt", null, null, null, null, null));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void print(boolean json, boolean verbose) {
        WsManFaultException e = new WsManFaultException("Enumerate Msvm_ComputerSystem", FAULT);
        new OutcomeReport("vms", "hv01", json, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).error(null, e, ExitCodes.of(e), null, 12, verbose,
                "vms");
    }

    @Test
    void jsonCarriesTheFaultAndItsProviderAsFields() throws Exception {
        print(true, false);
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode f = j.get("fault");
        assertEquals("CannotProcessFilter", f.get("subcode").asText());
        assertEquals(2150858778L, f.get("wsmanCode").asLong());
        assertEquals("The specified class does not exist in the given namespace.", f.get("message").asText());
        assertEquals("ExecQuery", f.get("provider").get("operation").asText());
        assertEquals("WinMgmt", f.get("provider").get("providerName").asText());
        assertFalse(j.get("message").asText().contains("ExecQuery"), j.get("message").asText());
    }

    @Test
    void verboseTextNamesTheProviderDetailsOnALineOfTheirOwn() {
        print(false, true);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("error: Enumerate Msvm_ComputerSystem failed on the host: CannotProcessFilter"
                + " (2150858778): The specified class does not exist in the given namespace.\n"), e);
        assertTrue(e.contains("provider: provider=WMI Provider, path=%systemroot%\\system32\\WsmWmiPl.dll,"
                + " code=2150858778, machine=vagrant-2008R2, message=The specified class does not exist in the given"
                + " namespace., operation=ExecQuery, parameterInfo=Select * from Win32_Processa, providerName=WinMgmt"),
                e);
    }
}
