package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.wsman.AssociationFilter;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.wsman.WsManNamespace;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes the client sends for every kind of request it makes (Identify, Get by selectors and by reference,
 * Enumerate in each form, Pull, Release, Invoke with a reference, a typed JAXB Invoke, and a request answered by a
 * fault), compared byte for byte, MessageIDs included (they come from a counter), with
 * {@code test-fixtures/wsman/request-bytes/}. Those files were written by the client that sent every message through
 * a JAX-WS {@code Dispatch} (commit 9f1d20f): {@code java -cp <that build's shaded jar>:<junit-jupiter-api jar>:<this
 * class compiled against it> io.hypervwsman.conformance.RequestBytesTest test-fixtures/wsman/request-bytes}. The SOAP
 * client may change; what goes on the wire may not.
 */
class RequestBytesTest {
    private static final Path FIXTURES = Path.of("test-fixtures", "wsman", "request-bytes");
    private static final String V2 = "root/virtualization/v2";
    private static final String CS = WsManNamespace.wmiClass(V2, "Msvm_ComputerSystem");
    private static final String SERVICE = WsManNamespace.wmiClass(V2, "Msvm_ReplicationService");
    private static final SelectorSet SERVICE_KEYS = SelectorSet.of("CreationClassName", "Msvm_ReplicationService",
            "Name", "vmms", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HV01");
    private static final EndpointReference VM = EndpointReference.of(CS,
            SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", "4EA7033C-356C-4EBA-9F77-1A3399CFCD72"));

    @Test
    void everyRequestKindIsSentAsTheDispatchClientSentIt() throws IOException {
        List<byte[]> sent = requests();
        List<Path> expected;
        try (var files = Files.list(FIXTURES)) {
            expected = files.sorted().toList();
        }
        assertEquals(expected.size(), sent.size(), "requests sent");
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(Files.readString(expected.get(i)), new String(sent.get(i), StandardCharsets.UTF_8),
                    expected.get(i).getFileName().toString());
        }
    }

    /** Writes the fixtures from the build on the class path. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<byte[]> sent = requests();
        for (int i = 0; i < sent.size(); i++) {
            Files.write(dir.resolve(String.format("%02d.xml", i + 1)), sent.get(i));
        }
    }

    private static List<byte[]> requests() {
        AnsweringHost host = new AnsweringHost();
        AtomicLong ids = new AtomicLong(0xA000);
        try (WsManClient client = new WsManClient(ConnectionOptions.builder(URI.create("http://127.0.0.1:5985/wsman"))
                .auth(AuthMode.NONE, null).build(), host, () -> new UUID(0x1605L, ids.incrementAndGet()))) {
            client.identify();
            client.get(CS, VM.selectors());
            client.get(VM);
            try (Enumeration<?> vms = client.enumerate(WsManNamespace.wmiNamespaceWildcard(V2),
                    EnumerateOptions.wql("SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'web <&> \"01\"'")
                            .optimize(false).maxElements(20))) {
                vms.next();
                vms.next();
            }
            client.enumerate(WsManNamespace.wmiNamespaceWildcard(V2),
                    EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService").maxElements(32000)).close();
            client.enumerateReferences(WsManNamespace.wmiNamespaceWildcard(V2),
                    EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService").maxElements(32000)).close();
            client.enumerate(WsManNamespace.wmiNamespaceWildcard(V2), EnumerateOptions.associations(
                    AssociationFilter.associatedInstances(VM, "Msvm_SettingsDefineState", "SettingData",
                            "Msvm_VirtualSystemSettingData", "ManagedElement"))).close();
            client.enumerate("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem",
                    SelectorSet.of("__cimnamespace", V2), EnumerateOptions.all()).close();
            client.invoke(SERVICE, SERVICE_KEYS, "RevertFailover", MethodInput.create().addReference("ComputerSystem", VM)
                    .add("Force", true).addArray("Names", List.of("a", "b")));
            client.invoke(VM, "RequestStateChange", MethodInput.create().add("RequestedState", 3));
            client.invoke(SERVICE, SERVICE_KEYS, "RevertFailover",
                    new io.hypervwsman.hyperv.xml.replicationservice.ObjectFactory().createRevertFailoverINPUT(),
                    io.hypervwsman.hyperv.xml.replicationservice.RevertFailoverOUTPUT.class);
            host.faultNext = true;
            try {
                client.get(CS, VM.selectors());
                throw new AssertionError("the fault was not raised");
            } catch (WsManFaultException expected) {
                // the request before it is what counts here
            }
        }
        return host.requests;
    }

    /** Records each request and answers it with the smallest reply its action calls for. */
    private static final class AnsweringHost implements Transport {
        private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]*)</a:MessageID>");
        private static final Pattern ACTION = Pattern.compile("<a:Action[^>]*>([^<]*)</a:Action>");
        private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>%s</s:Header>"
                + "<s:Body>%s</s:Body></s:Envelope>";
        final List<byte[]> requests = new ArrayList<>();
        boolean faultNext;
        private int pulls;

        @Override
        public SoapReply exchange(byte[] envelope) {
            requests.add(envelope.clone());
            String request = new String(envelope, StandardCharsets.UTF_8);
            Matcher id = MESSAGE_ID.matcher(request);
            Matcher action = ACTION.matcher(request);
            String header = id.find() ? "<a:RelatesTo>" + id.group(1) + "</a:RelatesTo>" : "";
            String body = action.find() ? body(action.group(1)) : "<wsmid:IdentifyResponse xmlns:wsmid=\""
                    + "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\"><wsmid:ProtocolVersion>"
                    + "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</wsmid:ProtocolVersion><wsmid:ProductVendor>"
                    + "Microsoft Corporation</wsmid:ProductVendor></wsmid:IdentifyResponse>";
            if (faultNext) {
                return new SoapReply(500, String.format(ENVELOPE, header, "<s:Fault><s:Code><s:Value>s:Sender"
                        + "</s:Value><s:Subcode><s:Value>w:AccessDenied</s:Value></s:Subcode></s:Code><s:Reason>"
                        + "<s:Text xml:lang=\"en-US\">Access is denied.</s:Text></s:Reason></s:Fault>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return new SoapReply(200, String.format(ENVELOPE, header, body).getBytes(StandardCharsets.UTF_8));
        }

        private String body(String action) {
            String item = "<p:Msvm_ComputerSystem xmlns:p=\"" + CS + "\"><p:Name>VM</p:Name></p:Msvm_ComputerSystem>";
            if (action.endsWith("/Enumerate")) {
                return "<n:EnumerateResponse><n:EnumerationContext>ctx-1</n:EnumerationContext>"
                        + "<w:Items>" + item + "</w:Items></n:EnumerateResponse>";
            } else if (action.endsWith("/Pull")) {
                pulls++;
                return "<n:PullResponse><n:EnumerationContext>ctx-" + (pulls + 1) + "</n:EnumerationContext><n:Items>"
                        + item + "</n:Items></n:PullResponse>";
            } else if (action.endsWith("/Release")) {
                return "";
            } else if (action.endsWith("/transfer/Get")) {
                return item;
            }
            String method = action.substring(action.lastIndexOf('/') + 1);
            String ns = action.substring(0, action.lastIndexOf('/'));
            return "<p:" + method + "_OUTPUT xmlns:p=\"" + ns + "\"><p:ReturnValue>0</p:ReturnValue></p:" + method
                    + "_OUTPUT>";
        }

        @Override
        public void close() {
        }
    }
}
