package io.hypervwsman.wsman;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.Transport;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.PreexistingConduitSelector;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.jaxws.ServiceImpl;
import org.apache.cxf.jaxws.interceptors.HolderInInterceptor;
import org.apache.cxf.jaxws.interceptors.HolderOutInterceptor;
import org.apache.cxf.jaxws.interceptors.SwAInInterceptor;
import org.apache.cxf.jaxws.interceptors.SwAOutInterceptor;
import org.apache.cxf.jaxws.interceptors.WrapperClassInInterceptor;
import org.apache.cxf.jaxws.interceptors.WrapperClassOutInterceptor;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.ws.policy.PolicyEngineImpl;
import org.apache.cxf.wsdl.WSDLManager;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A CXF JAX-WS {@link Dispatch} in payload mode for the port of {@code wsdl/wsman.wsdl}: we give it the
 * header elements and the body element, CXF writes the SOAP 1.2 envelope, parses the reply and turns
 * faults into {@link SOAPFaultException}. Thread-safe: the request context is per thread.
 */
final class SoapDispatch {
    /** Whether the host has answered any request (a reply or its own fault) sent through this dispatch. */
    private volatile boolean answered;

    private static final String WSDL_NS = "urn:io:hypervwsman:wsdl";
    private static final QName SERVICE = new QName(WSDL_NS, "WsManService");
    private static final QName PORT = new QName(WSDL_NS, "WsManPort");

    /**
     * Declared once on the Envelope, with the prefixes Windows and real clients use, so that no header element
     * redeclares its own namespace (or the SOAP one for s:mustUnderstand).
     */
    private static final Map<String, String> ENVELOPE_NAMESPACES = envelopeNamespaces();

    private final Dispatch<Source> dispatch;

    private static Map<String, String> envelopeNamespaces() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("s", WsManNamespace.SOAP12);
        m.put("a", WsManNamespace.ADDRESSING);
        m.put("w", WsManNamespace.WSMAN);
        return java.util.Collections.unmodifiableMap(m);
    }

    SoapDispatch(URI endpoint, Transport transport) {
        ServiceImpl service = new ServiceImpl(PrivateBus.BUS, null, SERVICE, null);
        service.addPort(PORT, SOAPBinding.SOAP12HTTP_BINDING, endpoint.toString());
        this.dispatch = service.createDispatch(PORT, Source.class, Service.Mode.PAYLOAD);
        Client client = ((DispatchImpl<?>) dispatch).getClient();
        client.setThreadLocalRequestContext(true);
        client.setConduitSelector(new PreexistingConduitSelector(new TransportConduit(transport), client.getEndpoint()));
        client.getEndpoint().put("soap.env.ns.map", ENVELOPE_NAMESPACES);
        // Holders, wrapper classes and SwA attachments belong to SEI proxies; for a Dispatch<Source> in payload mode
        // they never apply, yet each runs on every message.
        client.getEndpoint().getInInterceptors().removeIf(SoapDispatch::seiOnly);
        client.getEndpoint().getOutInterceptors().removeIf(SoapDispatch::seiOnly);
        client.getInInterceptors().add(new ReplyHeaderCheck());
        client.getOutInterceptors().add(new EmptyBodyInterceptor());
    }

    private static boolean seiOnly(Interceptor<?> i) {
        return i instanceof HolderInInterceptor || i instanceof HolderOutInterceptor
                || i instanceof WrapperClassInInterceptor || i instanceof WrapperClassOutInterceptor
                || i instanceof SwAInInterceptor || i instanceof SwAOutInterceptor;
    }

    /**
     * Sends one request and returns the reply's body element, or null for an empty body. A null {@code messageId}
     * (Identify) sends no MessageID and expects no RelatesTo.
     *
     * @throws WsManFaultException for a SOAP fault
     */
    Element call(String operation, List<Element> headers, String messageId, Element body) {
        Map<String, Object> ctx = dispatch.getRequestContext();
        List<Header> list = new ArrayList<>(headers.size());
        for (Element h : headers) {
            list.add(new Header(new QName(h.getNamespaceURI(), h.getLocalName()), h));
        }
        ctx.put(Header.HEADER_LIST, list);
        if (messageId != null) {
            ctx.put(ReplyHeaderCheck.MESSAGE_ID, messageId);
        }
        ReplyHeaderCheck.Outcome outcome = new ReplyHeaderCheck.Outcome();
        ctx.put(ReplyHeaderCheck.OUTCOME, outcome);
        if (body != null) {
            dropEnvelopeDeclarations(body);
        }
        try {
            Source reply = dispatch.invoke(body == null ? null : new DOMSource(body));
            answered = true;
            if (messageId != null && outcome.relatesToMissing()) {
                // Only a fault may come without a:RelatesTo (see ReplyHeaderCheck); this is a success reply.
                throw new ProtocolException(operation + ": " + ReplyHeaderCheck.missingRelatesTo(messageId));
            }
            return reply == null ? null : toElement(reply);
        } catch (SOAPFaultException e) {
            HyperVWsManException ours = ourCause(e);
            if (ours != null) {
                throw ours;
            }
            answered = true;
            throw new WsManFaultException(operation, FaultReader.read(e.getFault()));
        } catch (WebServiceException e) {
            HyperVWsManException ours = ourCause(e);
            if (ours != null) {
                throw ours;
            }
            // CXF also reports its own failure to read the reply (bad UTF-8, broken XML) as a Sender SoapFault; only
            // a fault read from the host's envelope comes without a cause.
            if (e.getCause() instanceof SoapFault fault && fault.getCause() == null) {
                throw new WsManFaultException(operation, FaultReader.read(fault));
            }
            throw new ProtocolException(operation + ": the host's reply could not be read as SOAP: "
                    + rootMessage(e), e);
        } finally {
            ctx.remove(Header.HEADER_LIST);
            ctx.remove(ReplyHeaderCheck.MESSAGE_ID);
            ctx.remove(ReplyHeaderCheck.OUTCOME);
        }
    }

    /**
     * Removes from the body the declarations the Envelope already makes with the same prefix and namespace
     * (xmlns:w on each w:Filter, w:MaxElements, ...), which the writer would otherwise repeat on every element.
     */
    boolean answered() {
        return answered;
    }

    static void dropEnvelopeDeclarations(Element e) {
        for (Map.Entry<String, String> ns : ENVELOPE_NAMESPACES.entrySet()) {
            String attr = "xmlns:" + ns.getKey();
            if (e.hasAttribute(attr) && ns.getValue().equals(e.getAttribute(attr))) {
                e.removeAttribute(attr);
            }
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                dropEnvelopeDeclarations(child);
            }
        }
    }

    private static Element toElement(Source source) {
        try {
            Document doc = StaxUtils.read(source);
            return doc.getDocumentElement();
        } catch (XMLStreamException | RuntimeException e) {
            // Woodstox behind CXF's reader also fails with unchecked exceptions (e.g. IllegalStateException on a
            // processing instruction it has already passed): a reply we cannot read is the host's protocol error.
            throw new ProtocolException("the host's reply body is not well-formed XML: " + rootMessage(e), e);
        }
    }

    private static HyperVWsManException ourCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HyperVWsManException h) {
                return h;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * One CXF bus for all clients in this JVM, created on first use and kept out of CXF's global default
     * so that hyperv-wsman never changes the bus other CXF users in the same JVM see. Its WSDL manager is
     * {@link NoWsdlManager}: no WSDL is read, so CXF's WSDL extension registries are never loaded.
     */
    private static final class PrivateBus {
        static final Bus BUS = create();

        private static Bus create() {
            Bus before = BusFactory.getDefaultBus(false);
            Bus threadBefore = BusFactory.getThreadDefaultBus(false);
            Bus bus = BusFactory.newInstance().createBus();
            bus.setExtension(new NoWsdlManager(), WSDLManager.class);
            // No WS-Policy is ever attached (no WSDL is read, WinRM publishes none), yet the engine's interceptors
            // run on every message, in and out: ~7 % of a steady-state exchange's CPU (BENCHMARKS.md, issue 16).
            if (bus.getExtension(PolicyEngine.class) instanceof PolicyEngineImpl engine) {
                engine.setEnabled(false);
            }
            if (before == null) {
                BusFactory.setDefaultBus(null);
            }
            BusFactory.setThreadDefaultBus(threadBefore);
            return bus;
        }
    }
}
