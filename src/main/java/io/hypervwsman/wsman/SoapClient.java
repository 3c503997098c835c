package io.hypervwsman.wsman;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapBindingConstants;
import org.apache.cxf.binding.soap.SoapBindingFactory;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.model.SoapBindingInfo;
import org.apache.cxf.binding.soap.model.SoapOperationInfo;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.ClientImpl;
import org.apache.cxf.endpoint.EndpointException;
import org.apache.cxf.endpoint.EndpointImpl;
import org.apache.cxf.endpoint.PreexistingConduitSelector;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.wsdl.interceptors.BareOutInterceptor;
import org.apache.cxf.wsdl.interceptors.WrappedOutInterceptor;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;
import org.apache.cxf.service.ServiceImpl;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.service.model.InterfaceInfo;
import org.apache.cxf.service.model.MessageInfo;
import org.apache.cxf.service.model.OperationInfo;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.wsdl.WSDLConstants;
import org.w3c.dom.Element;

/**
 * A CXF client (its core API, no JAX-WS frontend) for one WinRM endpoint: we give it the header elements and the body
 * element, CXF's SOAP 1.2 binding writes the envelope, parses the reply and reads faults into {@link SoapFault}.
 * The service model is one operation whose request and reply are each one body element, built by hand: no WSDL and
 * no reflection over a service class. Thread-safe: everything of one call travels in that call's own context.
 */
final class SoapClient {
    private static final String WSDL_NS = "urn:io:hypervwsman:wsdl";
    private static final QName OPERATION = new QName(WSDL_NS, "Exchange");

    /**
     * Declared once on the Envelope, with the prefixes Windows and real clients use, so that no header element
     * redeclares its own namespace (or the SOAP one for s:mustUnderstand).
     */
    private static final Map<String, String> ENVELOPE_NAMESPACES = envelopeNamespaces();

    /** Whether the host has answered any request (a reply or its own fault) sent through this client. */
    private volatile boolean answered;

    private final ClientImpl client;
    private final BindingOperationInfo operation;

    private static Map<String, String> envelopeNamespaces() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("s", WsManNamespace.SOAP12);
        m.put("a", WsManNamespace.ADDRESSING);
        m.put("w", WsManNamespace.WSMAN);
        return java.util.Collections.unmodifiableMap(m);
    }

    SoapClient(URI endpoint, Transport transport) {
        EndpointInfo info = endpointInfo(endpoint);
        EndpointImpl cxfEndpoint;
        try {
            cxfEndpoint = new EndpointImpl(PrivateBus.BUS, new ServiceImpl(info.getService()), info);
        } catch (EndpointException e) {
            throw new IllegalStateException("CXF's SOAP 1.2 binding is not available", e);
        }
        cxfEndpoint.put("soap.env.ns.map", ENVELOPE_NAMESPACES);
        // The binding's data-binding interceptors would read and write parameters through a service data binding;
        // ours are one DOM element each way (SoapBodyWriter, SoapBodyReader).
        cxfEndpoint.getBinding().getOutInterceptors().removeIf(i -> i instanceof BareOutInterceptor
                || i instanceof WrappedOutInterceptor);
        cxfEndpoint.getBinding().getInInterceptors().removeIf(i -> i instanceof DocLiteralInInterceptor);
        this.operation = info.getBinding().getOperation(OPERATION);
        this.client = new ClientImpl(PrivateBus.BUS, cxfEndpoint,
                new PreexistingConduitSelector(new TransportConduit(transport), cxfEndpoint));
        client.getInInterceptors().add(new ReplyHeaderCheck());
        client.getInInterceptors().add(new SoapBodyReader());
        client.getOutInterceptors().add(new SoapBodyWriter());
    }

    /** One document/literal operation with one element part each way, on a SOAP 1.2 binding. */
    private static EndpointInfo endpointInfo(URI endpoint) {
        ServiceInfo service = new ServiceInfo();
        service.setName(new QName(WSDL_NS, "WsManService"));
        OperationInfo op = new InterfaceInfo(service, new QName(WSDL_NS, "WsManPortType")).addOperation(OPERATION);
        MessageInfo request = op.createMessage(new QName(WSDL_NS, "Request"), MessageInfo.Type.INPUT);
        request.addMessagePart("body").setElement(true);
        op.setInput("Request", request);
        MessageInfo reply = op.createMessage(new QName(WSDL_NS, "Reply"), MessageInfo.Type.OUTPUT);
        reply.addMessagePart("body").setElement(true);
        op.setOutput("Reply", reply);

        SoapBindingInfo binding = new SoapBindingInfo(service, SoapBindingFactory.SOAP_12_BINDING, Soap12.getInstance());
        binding.setName(new QName(WSDL_NS, "WsManBinding"));
        binding.setStyle(SoapBindingConstants.BINDING_STYLE_DOC);
        binding.setTransportURI(WSDLConstants.NS_SOAP_HTTP_TRANSPORT);
        BindingOperationInfo bop = new BindingOperationInfo(binding, op);
        SoapOperationInfo soapOp = new SoapOperationInfo();
        soapOp.setAction("");
        soapOp.setStyle(SoapBindingConstants.BINDING_STYLE_DOC);
        bop.addExtensor(soapOp);
        binding.addOperation(bop);
        service.addBinding(binding);

        EndpointInfo info = new EndpointInfo(service, SoapBindingFactory.SOAP_12_BINDING);
        info.setName(new QName(WSDL_NS, "WsManPort"));
        info.setAddress(endpoint.toString());
        info.setBinding(binding);
        service.addEndpoint(info);
        return info;
    }

    /**
     * Sends one request and returns the reply's body element, or null for an empty body. A null {@code messageId}
     * (Identify) sends no MessageID and expects no RelatesTo.
     *
     * @throws WsManFaultException for a SOAP fault
     */
    Element call(String operationName, List<Element> headers, String messageId, Element body) {
        Map<String, Object> request = new HashMap<>();
        List<Header> list = new ArrayList<>(headers.size());
        for (Element h : headers) {
            list.add(new Header(new QName(h.getNamespaceURI(), h.getLocalName()), h));
        }
        request.put(Header.HEADER_LIST, list);
        if (messageId != null) {
            request.put(ReplyHeaderCheck.MESSAGE_ID, messageId);
        }
        ReplyHeaderCheck.Outcome outcome = new ReplyHeaderCheck.Outcome();
        request.put(ReplyHeaderCheck.OUTCOME, outcome);
        if (body != null) {
            dropEnvelopeDeclarations(body);
        }
        Map<String, Object> context = new HashMap<>();
        context.put(Client.REQUEST_CONTEXT, request);
        context.put(Client.RESPONSE_CONTEXT, new HashMap<String, Object>());
        Exchange exchange = new ExchangeImpl();
        Object[] reply;
        try {
            reply = client.invoke(operation, new Object[] {body}, context, exchange);
        } catch (Exception e) {
            throw mapped(operationName, e, exchange);
        }
        answered = true;
        if (messageId != null && outcome.relatesToMissing()) {
            // Only a fault may come without a:RelatesTo (see ReplyHeaderCheck); this is a success reply.
            throw new ProtocolException(operationName + ": " + ReplyHeaderCheck.missingRelatesTo(messageId));
        }
        Object result = reply == null || reply.length == 0 ? null : reply[0];
        if (result instanceof SoapBodyReader.Unreadable unreadable) {
            // A reply we cannot read is the host's protocol error.
            throw new ProtocolException("the host's reply body is not well-formed XML: "
                    + rootMessage(unreadable.cause()), unreadable.cause());
        }
        return (Element) result;
    }

    private RuntimeException mapped(String operationName, Exception e, Exchange exchange) {
        HyperVWsManException ours = ourCause(e);
        if (ours != null) {
            return ours;
        }
        // CXF also reports its own failure to read the reply (bad UTF-8, broken XML) as a SoapFault, with the
        // parser's exception as its cause; only a fault read from the host's envelope comes without one. Its
        // judgement of an envelope it cannot take (e.g. "Invalid SOAP Envelope name") is such a fault too, but
        // only a fault the fault chain read out of s:Body is the host answering.
        if (e instanceof SoapFault fault && fault.getCause() == null) {
            if (exchange.getInFaultMessage() != null) {
                answered = true;
            }
            return new WsManFaultException(operationName, FaultReader.read(fault));
        }
        return new ProtocolException(operationName + ": the host's reply could not be read as SOAP: "
                + rootMessage(e), e);
    }

    /** Whether the host has answered any request sent through this client. */
    boolean answered() {
        return answered;
    }

    /**
     * Removes from the body the declarations the Envelope already makes with the same prefix and namespace
     * (xmlns:w on each w:Filter, w:MaxElements, ...), which the writer would otherwise repeat on every element.
     */
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

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
