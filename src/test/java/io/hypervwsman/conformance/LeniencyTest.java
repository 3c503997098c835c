package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.ProtocolException;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What we accept from servers that are not Windows, and where we stop. OMI names an Invoke reply's body after the
 * method and answers with the request's action (the envelope below follows OMI's own prefixes, as in
 * test-fixtures/windows-shapes/fault-omi-internal-error.xml; it is written for this test).
 */
class LeniencyTest {
    private static final String CLASS = "http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/OMI_Calculator";
    private static final UUID ID = UUID.fromString("AC61AF91-4AA9-428E-9294-670B4C5752A8");

    private static String omiInvokeReply(String bodyElement) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><SOAP-ENV:Header>"
                + "<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "<wsa:Action>" + CLASS + "/Add</wsa:Action>"
                + "<wsa:MessageID>uuid:F803101F-76B9-0005-0000-000000010001</wsa:MessageID>"
                + "<wsa:RelatesTo>uuid:" + ID.toString().toUpperCase() + "</wsa:RelatesTo></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body>" + bodyElement + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static WsManClient answering(String reply) {
        return ShapeTransport.answering(200, reply, ID);
    }

    @Test
    void omiInvokeReplyNamedAfterTheMethodIsRead() {
        String reply = omiInvokeReply("<p:Add xmlns:p=\"" + CLASS + "\"><p:ReturnValue>0</p:ReturnValue>"
                + "<p:z>5</p:z></p:Add>");
        try (WsManClient c = answering(reply)) {
            MethodOutput out = c.invoke(CLASS, SelectorSet.of("__cimnamespace", "root/cimv2"), "Add",
                    MethodInput.create().add("x", 2).add("y", 3));
            assertEquals(0, out.returnValue());
            assertEquals(5L, out.number("z").orElseThrow());
        }
    }

    @Test
    void anInvokeReplyForAnotherMethodOrClassIsStillRefused() {
        try (WsManClient c = answering(omiInvokeReply("<p:Subtract xmlns:p=\"" + CLASS + "\"/>"))) {
            assertThrows(ProtocolException.class, () -> c.invoke(CLASS, SelectorSet.EMPTY, "Add", MethodInput.create()));
        }
        try (WsManClient c = answering(omiInvokeReply("<q:Add xmlns:q=\"urn:another-class\"/>"))) {
            assertThrows(ProtocolException.class, () -> c.invoke(CLASS, SelectorSet.EMPTY, "Add", MethodInput.create()));
        }
    }

    @Test
    void enumerateCarriesASelectorSetForADmtfResourceUri() {
        ShapeTransport t = new ShapeTransport("wmi-enumerate-win32-process-zh-CN.xml");
        try (WsManClient c = t.client(); Enumeration<CimInstance> e = c.enumerate(
                "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Process",
                SelectorSet.of("__cimnamespace", "root/cimv2"), EnumerateOptions.all())) {
            assertEquals("vmms.exe", e.next().string("Caption").orElseThrow());
        }
        String request = t.requests().get(0);
        int header = request.indexOf("</s:Header>");
        int selector = request.indexOf("<w:Selector Name=\"__cimnamespace\">root/cimv2</w:Selector>");
        assertTrue(selector > 0 && selector < header, request);
    }
}
