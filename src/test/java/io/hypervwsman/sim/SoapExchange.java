package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Raw SOAP against a {@link HyperVBackend}: builds request envelopes, sends them, reads the replies. */
final class SoapExchange {
    static final String CS = WsManUris.classUri("Msvm_ComputerSystem");
    static final String SERVICE = WsManUris.classUri("Msvm_ReplicationService");
    static final String JOB = WsManUris.classUri("Msvm_ConcreteJob");
    static final String RELATIONSHIP = WsManUris.classUri("Msvm_ReplicationRelationship");
    static final String WEB01 = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    static final Instant START = Instant.parse("2026-11-23T10:15:30Z");

    final ManualClock clock = new ManualClock(START);
    final HyperVBackend backend;

    SoapExchange(Scenario scenario) {
        backend = new HyperVBackend(scenario, clock);
    }

    SoapExchange(String scenarioResource) {
        this(Scenario.fromResource(scenarioResource));
    }

    /** A reply: HTTP status and parsed envelope. */
    record Answer(int status, Document doc, String raw) {
        Element first(String localName) {
            NodeList l = doc.getElementsByTagNameNS("*", localName);
            if (l.getLength() == 0) {
                throw new AssertionError("no " + localName + " in " + raw);
            }
            return (Element) l.item(0);
        }

        String text(String localName) {
            return first(localName).getTextContent();
        }

        boolean has(String localName) {
            return doc.getElementsByTagNameNS("*", localName).getLength() > 0;
        }

        List<Element> all(String localName) {
            NodeList l = doc.getElementsByTagNameNS("*", localName);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < l.getLength(); i++) {
                out.add((Element) l.item(i));
            }
            return out;
        }

        List<String> texts(String localName) {
            return all(localName).stream().map(Element::getTextContent).toList();
        }

        /** The f:WSManFault Code of a fault reply. */
        String faultCode() {
            return first("WSManFault").getAttribute("Code");
        }

        String subcode() {
            return first("Subcode").getTextContent().trim();
        }
    }

    Answer send(String envelope) {
        SoapBackend.Reply r = backend.handle(envelope.getBytes(StandardCharsets.UTF_8));
        return parse(r.status(), r.body());
    }

    static Answer parse(int status, byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8);
        if (body.length == 0) {
            return new Answer(status, null, raw);
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Answer(status, f.newDocumentBuilder().parse(new ByteArrayInputStream(body)), raw);
        } catch (Exception e) {
            throw new AssertionError("reply is not XML: " + raw, e);
        }
    }

    Answer ok(String envelope) {
        Answer a = send(envelope);
        assertEquals(200, a.status(), a.raw());
        return a;
    }

    static String fixtureRequest(String name) {
        try {
            return Files.readString(Path.of("test-fixtures/wsman/requests", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String messageId() {
        return "uuid:" + UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
    }

    static String envelope(String action, String resourceUri, Map<String, String> selectors, String body) {
        return envelope(action, resourceUri, selectors, body, messageId());
    }

    static String envelope(String action, String resourceUri, Map<String, String> selectors, String body,
                           String messageId) {
        StringBuilder s = new StringBuilder();
        s.append("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" ")
                .append("xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" ")
                .append("xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" ")
                .append("xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>")
                .append("<a:To>http://HOST:5985/wsman</a:To>")
                .append("<w:ResourceURI s:mustUnderstand=\"true\">").append(resourceUri).append("</w:ResourceURI>")
                .append("<a:ReplyTo><a:Address s:mustUnderstand=\"true\">")
                .append("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>")
                .append("<a:Action s:mustUnderstand=\"true\">").append(action).append("</a:Action>")
                .append("<w:MaxEnvelopeSize s:mustUnderstand=\"true\">512000</w:MaxEnvelopeSize>")
                .append("<a:MessageID>").append(messageId).append("</a:MessageID>");
        if (!selectors.isEmpty()) {
            s.append("<w:SelectorSet>");
            selectors.forEach((k, v) -> s.append("<w:Selector Name=\"").append(k).append("\">")
                    .append(io.hypervwsman.xml.XmlEscape.escape(v)).append("</w:Selector>"));
            s.append("</w:SelectorSet>");
        }
        s.append("<w:OperationTimeout>PT60.000S</w:OperationTimeout></s:Header><s:Body>").append(body)
                .append("</s:Body></s:Envelope>");
        return s.toString();
    }

    static String get(String resourceUri, Map<String, String> selectors) {
        return envelope(WsManUris.GET, resourceUri, selectors, "");
    }

    static String getVm(String id) {
        return get(CS, vmKeys(id));
    }

    static Map<String, String> vmKeys(String id) {
        return new java.util.LinkedHashMap<>(Map.of("CreationClassName", "Msvm_ComputerSystem", "Name", id));
    }

    static Map<String, String> serviceKeys(String host) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("CreationClassName", "Msvm_ReplicationService");
        m.put("Name", "replicasvc");
        m.put("SystemCreationClassName", "Msvm_ComputerSystem");
        m.put("SystemName", host);
        return m;
    }

    static String wql(String query, boolean optimize, int maxElements, String mode) {
        String body = "<n:Enumerate>" + (optimize ? "<w:OptimizeEnumeration/><w:MaxElements>" + maxElements
                + "</w:MaxElements>" : "") + (mode == null ? "" : "<w:EnumerationMode>" + mode + "</w:EnumerationMode>")
                + "<w:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">" + io.hypervwsman.xml.XmlEscape.escape(query)
                + "</w:Filter></n:Enumerate>";
        return envelope(WsManUris.ENUMERATE, WsManUris.NAMESPACE_WILDCARD, Map.of(), body);
    }

    static String pull(String context, int max) {
        return envelope(WsManUris.PULL, WsManUris.NAMESPACE_WILDCARD, Map.of(), "<n:Pull><n:EnumerationContext>"
                + context + "</n:EnumerationContext><n:MaxElements>" + max + "</n:MaxElements></n:Pull>");
    }

    static String release(String context) {
        return envelope(WsManUris.RELEASE, WsManUris.NAMESPACE_WILDCARD, Map.of(),
                "<n:Release><n:EnumerationContext>" + context + "</n:EnumerationContext></n:Release>");
    }

    static String vmReference(String name, String id) {
        return "<p:" + name + "><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + CS + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">" + id + "</w:Selector></w:SelectorSet></a:ReferenceParameters></p:" + name + ">";
    }

    /** A replication-service method taking the VM as ComputerSystem, on host {@code host}. */
    static String serviceMethod(String host, String method, String vmId) {
        return envelope(SERVICE + "/" + method, SERVICE, serviceKeys(host), "<p:" + method + "_INPUT xmlns:p=\""
                + SERVICE + "\">" + vmReference("ComputerSystem", vmId) + "</p:" + method + "_INPUT>");
    }

    /** A replication-service method taking the VM as ComputerSystem and further arguments written as {@code more}. */
    static String serviceMethod(String host, String method, String vmId, String more) {
        return envelope(SERVICE + "/" + method, SERVICE, serviceKeys(host), "<p:" + method + "_INPUT xmlns:p=\""
                + SERVICE + "\">" + vmReference("ComputerSystem", vmId) + more + "</p:" + method + "_INPUT>");
    }

    /** An EPR argument addressing an instance of root/virtualization/v2 class {@code className} by InstanceID. */
    static String instanceReference(String name, String className, String instanceId) {
        return "<p:" + name + "><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + WsManUris.classUri(className) + "</w:ResourceURI>"
                + "<w:SelectorSet><w:Selector Name=\"InstanceID\">" + instanceId + "</w:Selector></w:SelectorSet>"
                + "</a:ReferenceParameters></p:" + name + ">";
    }

    /** An Msvm_ComputerSystem method with scalar arguments (name, value pairs). */
    static String vmMethod(String vmId, String method, String... args) {
        StringBuilder in = new StringBuilder("<p:" + method + "_INPUT xmlns:p=\"" + CS + "\">");
        for (int i = 0; i < args.length; i += 2) {
            in.append("<p:").append(args[i]).append('>').append(args[i + 1]).append("</p:").append(args[i]).append('>');
        }
        return envelope(CS + "/" + method, CS, vmKeys(vmId), in.append("</p:").append(method).append("_INPUT>").toString());
    }

    static String jobMethod(String jobId, String method) {
        return envelope(JOB + "/" + method, JOB, Map.of("InstanceID", jobId),
                "<p:" + method + "_INPUT xmlns:p=\"" + JOB + "\"/>");
    }

    static String getJob(String jobId) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("InstanceID", jobId);
        keys.put("__cimnamespace", "root/virtualization/v2");
        return get(JOB, keys);
    }

    /** The InstanceID selector of the Job EPR in a method's output. */
    static String jobId(Answer invoked) {
        Element job = invoked.first("Job");
        NodeList selectors = job.getElementsByTagNameNS(WsManUris.WSMAN, "Selector");
        for (int i = 0; i < selectors.getLength(); i++) {
            Element s = (Element) selectors.item(i);
            if ("InstanceID".equals(s.getAttribute("Name"))) {
                return s.getTextContent();
            }
        }
        throw new AssertionError("no InstanceID in the Job EPR: " + invoked.raw());
    }
}
