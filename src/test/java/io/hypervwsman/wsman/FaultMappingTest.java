package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.cli.ExitCodes;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OverEveryAuthMode
class FaultMappingTest {
    /** How the client reaches the fixtures in this run of the class. */
    @Parameter
    FixtureHost.Mode mode;

    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, mode);
    }


    private WsManFaultException getFrom(String fixtureCase) {
        try (FixtureHost host = host(fixtureCase); WsManClient client = host.client()) {
            return assertThrows(WsManFaultException.class, () -> client.get(GetInstanceTest.CS,
                    SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", GetInstanceTest.VM_ID)));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "fault-invalid-selectors, Sender, InvalidSelectors, 2150858843",
        "fault-access-denied, Sender, AccessDenied, 5",
        "fault-encoding-limit, Sender, EncodingLimit, 2150858824",
        "fault-quota, Receiver, InternalError, 2150859174",
    })
    void soapFaultBecomesWsManFaultWithCodeSubcodeAndDetail(String fixtureCase, String code, String subcode,
                                                            long wsmanCode) {
        WsManFaultException e = getFrom(fixtureCase);
        WsManFault f = e.fault();

        assertEquals(WsManNamespace.SOAP12, f.code().getNamespaceURI());
        assertEquals(code, f.code().getLocalPart());
        assertEquals(subcode, f.subcodeName());
        assertTrue(f.hasSubcode(WsManNamespace.WSMAN, subcode));
        assertEquals(wsmanCode, f.wsmanCode());
        assertEquals("HV01.lab.example", f.machine());
        assertTrue(f.reason().length() > 10, f.reason());
        assertTrue(f.message() != null && !f.message().isBlank());
        assertTrue(e.getMessage().contains(subcode) && e.getMessage().contains(Long.toString(wsmanCode)),
                e.getMessage());
        assertEquals(1, ExitCodes.of(e));
        assertNull(f.providerError());
    }

    @ParameterizedTest
    @CsvSource({"fault-provider-not-found"})
    void providerFaultCarriesTheWmiErrorCode(String fixtureCase) {
        WsManFault f = getFrom(fixtureCase).fault();

        assertEquals("DestinationUnreachable", f.subcodeName());
        assertTrue(f.hasSubcode(WsManNamespace.ADDRESSING, "DestinationUnreachable"));
        assertEquals(2150858752L, f.wsmanCode());
        assertEquals(2147749890L, f.providerError(), "0x80041002, WBEM_E_NOT_FOUND");
        assertEquals("Not found", f.message(), "the provider's details are fields, never glued into the message");
        ProviderFault p = f.provider();
        assertEquals("WMI Provider", p.provider());
        assertEquals("GetObject", p.operation());
        assertEquals("Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\","
                + "Name=\"4EA7033C-356C-4EBA-9F77-1A3399CFCD72\"", p.parameterInfo());
        assertEquals("VmmsWmiInstanceAndMethodProvider", p.providerName());
        assertEquals(null, p.statusCode());
    }
}
