package io.hypervwsman.wsman;

import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.Transports;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A WS-Management client for one WinRM endpoint: WS-Transfer Get, WS-Enumeration (Enumerate, Pull,
 * Release) and WMI method Invoke, with the headers Windows expects. Thread-safe; close it to release
 * its connections.
 *
 * <pre>{@code
 * try (WsManClient wsman = WsManClient.connect(options)) {
 *     CimInstance vm = wsman.get(WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ComputerSystem"),
 *             SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", vmId));
 * }
 * }</pre>
 */
public final class WsManClient implements AutoCloseable {
    private final ConnectionOptions options;
    private final Transport transport;
    private final SoapClient soap;
    private final Supplier<UUID> messageIds;

    /** A client over the transport the options call for. */
    public static WsManClient connect(ConnectionOptions options) {
        return new WsManClient(options, Transports.open(options));
    }

    /** A client over a given transport (e.g. one with authentication and encryption, or a test double). */
    public WsManClient(ConnectionOptions options, Transport transport) {
        this(options, transport, UUID::randomUUID);
    }

    /** As above, with the source of MessageIDs injected for deterministic tests. */
    public WsManClient(ConnectionOptions options, Transport transport, Supplier<UUID> messageIds) {
        this.options = Objects.requireNonNull(options);
        this.transport = Objects.requireNonNull(transport);
        this.messageIds = Objects.requireNonNull(messageIds);
        this.soap = new SoapClient(options.endpoint(), transport);
    }

    public ConnectionOptions options() {
        return options;
    }

    /** WS-Transfer Get of one instance addressed by class resource URI and key selectors. */
    public CimInstance get(String resourceUri, SelectorSet selectors) {
        String id = nextMessageId();
        Element body = soap.call("Get " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_GET, id, resourceUri, selectors), id, null);
        return new CimInstance(requireBody(body, "Get " + className(resourceUri)));
    }

    /** WS-Transfer Get of the instance a reference from the host points to, re-addressed verbatim. */
    public CimInstance get(EndpointReference target) {
        String id = nextMessageId();
        Element body = soap.call("Get " + className(target.resourceUri()),
                RequestHeaders.build(options, WsManNamespace.ACTION_GET, id, target), id, null);
        return new CimInstance(requireBody(body, "Get " + className(target.resourceUri())));
    }

    /**
     * WS-Management Identify (DSP0226 section 11): a body of {@code wsmid:Identify} and no addressing headers; the
     * reply carries no RelatesTo, so none is required of it. Read-only, safe to repeat.
     */
    public Identity identify() {
        Document doc = XmlElements.newDocument();
        Element identify = XmlElements.element(doc, Identity.NAMESPACE, "wsmid", "Identify");
        doc.appendChild(identify);
        Element body = soap.call("Identify", List.of(), null, identify);
        return Identity.read(requireBody(body, "Identify"));
    }

    /** Enumerates instances, lazily across Pull batches. Close the result if you stop early. */
    public Enumeration<CimInstance> enumerate(String resourceUri, EnumerateOptions enumerateOptions) {
        return enumerate(resourceUri, SelectorSet.EMPTY, enumerateOptions);
    }

    /**
     * Enumerates instances with a SelectorSet on the Enumerate, e.g. {@code __cimnamespace} for a DMTF-style
     * resource URI ({@code http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem}), which both
     * Windows and OMI read. The Pull and Release that follow address the enumeration by its context alone.
     */
    public Enumeration<CimInstance> enumerate(String resourceUri, SelectorSet selectors,
                                              EnumerateOptions enumerateOptions) {
        return start(resourceUri, selectors, enumerateOptions.references(false), CimInstance::new);
    }

    /** Enumerates endpoint references (EnumerationMode EnumerateEPR) instead of instances. */
    public Enumeration<EndpointReference> enumerateReferences(String resourceUri, EnumerateOptions enumerateOptions) {
        return enumerateReferences(resourceUri, SelectorSet.EMPTY, enumerateOptions);
    }

    /** Enumerates endpoint references, with a SelectorSet on the Enumerate (see above). */
    public Enumeration<EndpointReference> enumerateReferences(String resourceUri, SelectorSet selectors,
                                                              EnumerateOptions enumerateOptions) {
        return start(resourceUri, selectors, enumerateOptions.references(true), EndpointReference::from);
    }

    /** Invokes a WMI method on the instance addressed by resource URI and selectors. */
    public MethodOutput invoke(String resourceUri, SelectorSet selectors, String method, MethodInput input) {
        String id = nextMessageId();
        String action = resourceUri + "/" + method;
        Element body = input.toElement(resourceUri, method);
        return output(resourceUri, method, soap.call(method,
                RequestHeaders.build(options, action, id, resourceUri, selectors), id, body));
    }

    /** Invokes a WMI method on the instance a reference from the host points to. */
    public MethodOutput invoke(EndpointReference target, String method, MethodInput input) {
        String id = nextMessageId();
        String action = target.resourceUri() + "/" + method;
        Element body = input.toElement(target.resourceUri(), method);
        return output(target.resourceUri(), method, soap.call(method,
                RequestHeaders.build(options, action, id, target), id, body));
    }

    /** Invokes a WMI method with a generated JAXB {@code _INPUT} object and binds the {@code _OUTPUT} to a type. */
    public <T> T invoke(String resourceUri, SelectorSet selectors, String method, Object jaxbInput,
                        Class<T> outputType) {
        String id = nextMessageId();
        String action = resourceUri + "/" + method;
        Element body = JaxbBinding.marshal(jaxbInput);
        return output(resourceUri, method, soap.call(method,
                RequestHeaders.build(options, action, id, resourceUri, selectors), id, body)).as(outputType);
    }

    private <T> Enumeration<T> start(String resourceUri, SelectorSet selectors, EnumerateOptions eo,
                                     Function<Element, T> mapper) {
        // The three enumeration bodies are built as DOM, not marshalled by JAXB: the CLI's one-shot commands then
        // never create the JAXB context (~0.1-0.2 s of start-up, BENCHMARKS.md), and the body declares only the
        // namespaces it uses.
        Element request = enumerationElement("Enumerate");
        request.setAttributeNS(WsManNamespace.XMLNS, "xmlns:w", WsManNamespace.WSMAN);
        if (eo.optimize()) {
            wsmanChild(request, "OptimizeEnumeration", null);
            wsmanChild(request, "MaxElements", Integer.toString(eo.maxElements()));
        }
        if (eo.references()) {
            wsmanChild(request, "EnumerationMode", "EnumerateEPR");
        }
        if (eo.wqlFilter() != null) {
            wsmanChild(request, "Filter", eo.wqlFilter()).setAttribute("Dialect", WsManNamespace.WQL_DIALECT);
        }
        if (eo.associationFilter() != null) {
            associationFilter(wsmanChild(request, "Filter", null), eo.associationFilter());
        }
        String id = nextMessageId();
        Element reply = soap.call("Enumerate " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_ENUMERATE, id, resourceUri, selectors),
                id, request);
        Element response = requireBody(reply, "Enumerate " + className(resourceUri));
        requireName(response, "EnumerateResponse");
        return new Enumeration<>(this, resourceUri, eo, mapper, EnumerationBatch.read(response));
    }

    /** DSP0227 8.2: b:AssociatedInstances or b:AssociationInstances, the source object as an EPR. */
    private static void associationFilter(Element filter, AssociationFilter f) {
        filter.setAttribute("Dialect", WsManNamespace.ASSOCIATION_DIALECT);
        Element body = child(filter, WsManNamespace.CIM_BINDING, "b",
                f.associationInstances() ? "AssociationInstances" : "AssociatedInstances", null);
        body.setAttributeNS(WsManNamespace.XMLNS, "xmlns:b", WsManNamespace.CIM_BINDING);
        Element object = child(body, WsManNamespace.CIM_BINDING, "b", "Object", null);
        f.object().writeInto(object);
        bindingChild(body, "AssociationClassName", f.associationClass());
        bindingChild(body, "Role", f.role());
        bindingChild(body, "ResultClassName", f.resultClass());
        bindingChild(body, "ResultRole", f.resultRole());
    }

    private static void bindingChild(Element parent, String local, String text) {
        if (text != null) {
            child(parent, WsManNamespace.CIM_BINDING, "b", local, text);
        }
    }

    /** One Pull; w:TimedOut (nothing ready within OperationTimeout) is answered by pulling again. */
    EnumerationBatch pull(String resourceUri, String context, EnumerateOptions eo) {
        Element body = enumerationElement("Pull");
        enumerationChild(body, "EnumerationContext", context);
        enumerationChild(body, "MaxElements", Integer.toString(eo.maxElements()));
        for (int timedOut = 0; ; timedOut++) {
            String id = nextMessageId();
            try {
                Element reply = soap.call("Pull " + className(resourceUri),
                        RequestHeaders.build(options, WsManNamespace.ACTION_PULL, id, resourceUri, SelectorSet.EMPTY),
                        id, body);
                Element response = requireBody(reply, "Pull " + className(resourceUri));
                requireName(response, "PullResponse");
                return EnumerationBatch.read(response);
            } catch (WsManFaultException e) {
                if (!e.fault().isTimedOut() || timedOut >= eo.maxTimedOutPulls()) {
                    throw e;
                }
            }
        }
    }

    /** Release; the host drops the context. */
    void release(String resourceUri, String context) {
        Element release = enumerationElement("Release");
        enumerationChild(release, "EnumerationContext", context);
        String id = nextMessageId();
        soap.call("Release " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_RELEASE, id, resourceUri, SelectorSet.EMPTY),
                id, release);
    }

    private static Element enumerationElement(String local) {
        Document doc = XmlElements.newDocument();
        Element e = XmlElements.element(doc, WsManNamespace.ENUMERATION, "n", local);
        doc.appendChild(e);
        return e;
    }

    private static Element enumerationChild(Element parent, String local, String text) {
        return child(parent, WsManNamespace.ENUMERATION, "n", local, text);
    }

    private static Element wsmanChild(Element parent, String local, String text) {
        return child(parent, WsManNamespace.WSMAN, "w", local, text);
    }

    private static Element child(Element parent, String ns, String prefix, String local, String text) {
        Element e = XmlElements.element(parent.getOwnerDocument(), ns, prefix, local);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /**
     * The method's output element. Windows (and DSP0230) name it {@code METHOD_OUTPUT}; Microsoft's OMI server names
     * it after the method ({@code <p:Add>}) and answers with the request's action instead of {@code ...Response}.
     * Both are accepted: the element is in the class's own namespace (the resource URI) and carries the output
     * parameters, so its name cannot change what the reply means. The reply's a:Action is not checked for any
     * operation; the body element decides. Anything else in the body is refused.
     */
    private static MethodOutput output(String resourceUri, String method, Element body) {
        Element out = requireBody(body, method);
        boolean windows = (method + "_OUTPUT").equals(out.getLocalName());
        boolean omi = method.equals(out.getLocalName()) && resourceUri.equals(out.getNamespaceURI());
        if (!windows && !omi) {
            throw new ProtocolException(method + ": expected " + method + "_OUTPUT in the reply, got "
                    + out.getLocalName());
        }
        return new MethodOutput(out);
    }

    private static Element requireBody(Element body, String operation) {
        if (body == null) {
            throw new ProtocolException(operation + ": the host's reply has an empty body");
        }
        return body;
    }

    private static void requireName(Element e, String local) {
        if (!local.equals(e.getLocalName()) || !WsManNamespace.ENUMERATION.equals(e.getNamespaceURI())) {
            throw new ProtocolException("expected n:" + local + " in the reply, got " + e.getLocalName());
        }
    }

    private String nextMessageId() {
        return "uuid:" + messageIds.get().toString().toUpperCase(Locale.ROOT);
    }

    private static String className(String resourceUri) {
        int slash = resourceUri.lastIndexOf('/');
        return slash < 0 ? resourceUri : resourceUri.substring(slash + 1);
    }

    /** Whether the host has answered any request of this client, with a reply or a fault of its own. */
    public boolean hasAnswered() {
        return soap.answered();
    }

    @Override
    public void close() {
        transport.close();
    }
}
