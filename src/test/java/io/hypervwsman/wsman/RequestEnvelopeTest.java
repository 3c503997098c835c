package io.hypervwsman.wsman;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import org.xmlunit.util.Predicate;

/**
 * What the client sends, compared structurally with the reference envelopes in test-fixtures/wsman/requests
 * (prefixes, whitespace, MessageID and To ignored; order and mustUnderstand flags compared).
 */
class RequestEnvelopeTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("uuid:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

    private static String reference(String name) throws Exception {
        return Files.readString(FixtureHost.fixtureRoot().resolve(Path.of("wsman", "requests", name)));
    }

    private static String sent(FixtureHost host, String action) {
        List<LoggedRequest> found = host.server().findAll(postRequestedFor(urlPathEqualTo("/wsman"))
                .withRequestBody(matchingXPath("//*[local-name()='Action'][text()='" + action + "']")));
        assertEquals(1, found.size(), "requests with action " + action);
        return found.get(0).getBodyAsString();
    }

    private static void assertSameEnvelope(String expected, String actual) {
        Predicate<Node> ignored = n -> n instanceof Element e
                && ("MessageID".equals(e.getLocalName()) || "To".equals(e.getLocalName()))
                && WsManNamespace.ADDRESSING.equals(e.getNamespaceURI());
        Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments()
                .withNodeFilter(n -> !ignored.test(n)).checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString() + "\nsent:\n" + actual);
    }

    @Test
    void getEnvelope() throws Exception {
        try (FixtureHost host = new FixtureHost("get-computersystem"); WsManClient client = host.client()) {
            client.get(GetInstanceTest.CS, SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
                    "Name", GetInstanceTest.VM_ID));
            String sent = sent(host, WsManNamespace.ACTION_GET);
            assertSameEnvelope(reference("get-computersystem.xml"), sent);
            assertTrue(MESSAGE_ID.matcher(sent).find(), "MessageID in uuid: form");
        }
    }

    @Test
    void enumeratePullAndReleaseEnvelopes() throws Exception {
        try (FixtureHost host = new FixtureHost("enumerate-pull"); WsManClient client = host.client()) {
            try (var vms = client.enumerate(EnumerationTest.V2_ALL,
                    EnumerateOptions.wql(EnumerationTest.VMS).optimize(false).maxElements(20)).stream()) {
                assertEquals(1, vms.limit(1).collect(Collectors.toList()).size());
            }
            assertSameEnvelope(reference("enumerate-pull-enumerate.xml"), sent(host, WsManNamespace.ACTION_ENUMERATE));
            assertSameEnvelope(reference("enumerate-pull-pull.xml"), sent(host, WsManNamespace.ACTION_PULL));
            assertSameEnvelope(reference("enumerate-pull-release.xml"), sent(host, WsManNamespace.ACTION_RELEASE));
        }
    }

    @Test
    void optimizedAndEprEnumerateEnvelopes() throws Exception {
        try (FixtureHost host = new FixtureHost("enumerate-optimized"); WsManClient client = host.client()) {
            client.enumerate(EnumerationTest.V2_ALL, EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService")
                    .maxElements(32000)).close();
            assertSameEnvelope(reference("enumerate-optimized.xml"), sent(host, WsManNamespace.ACTION_ENUMERATE));
        }
        try (FixtureHost host = new FixtureHost("enumerate-epr"); WsManClient client = host.client()) {
            client.enumerateReferences(EnumerationTest.V2_ALL,
                    EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService").maxElements(32000)).close();
            assertSameEnvelope(reference("enumerate-epr.xml"), sent(host, WsManNamespace.ACTION_ENUMERATE));
        }
    }

    @Test
    void invokeWithReferenceArgumentEnvelope() throws Exception {
        try (FixtureHost host = new FixtureHost("invoke-revert"); WsManClient client = host.client()) {
            client.invoke(InvokeTest.SERVICE, InvokeTest.SERVICE_KEYS, "RevertFailover",
                    MethodInput.create().addReference("ComputerSystem", InvokeTest.VM));
            assertSameEnvelope(reference("invoke-revert.xml"), sent(host, InvokeTest.SERVICE + "/RevertFailover"));
        }
    }
}
