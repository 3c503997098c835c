package io.hypervwsman.wsman;

import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.wsman.xml.enumeration.Enumerate;
import io.hypervwsman.wsman.xml.enumeration.EnumerationContextType;
import io.hypervwsman.wsman.xml.enumeration.Pull;
import io.hypervwsman.wsman.xml.enumeration.Release;
import java.math.BigInteger;
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
    private final SoapDispatch dispatch;
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
        this.dispatch = new SoapDispatch(options.endpoint(), transport);
    }

    public ConnectionOptions options() {
        return options;
    }

    /** WS-Transfer Get of one instance addressed by class resource URI and key selectors. */
    public CimInstance get(String resourceUri, SelectorSet selectors) {
        String id = nextMessageId();
        Element body = dispatch.call("Get " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_GET, id, resourceUri, selectors), id, null);
        return new CimInstance(requireBody(body, "Get " + className(resourceUri)));
    }

    /** WS-Transfer Get of the instance a reference from the host points to, re-addressed verbatim. */
    public CimInstance get(EndpointReference target) {
        String id = nextMessageId();
        Element body = dispatch.call("Get " + className(target.resourceUri()),
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
        Element body = dispatch.call("Identify", List.of(), null, identify);
        return Identity.read(requireBody(body, "Identify"));
    }

    /** Enumerates instances, lazily across Pull batches. Close the result if you stop early. */
    public Enumeration<CimInstance> enumerate(String resourceUri, EnumerateOptions enumerateOptions) {
        return start(resourceUri, enumerateOptions.references(false), CimInstance::new);
    }

    /** Enumerates endpoint references (EnumerationMode EnumerateEPR) instead of instances. */
    public Enumeration<EndpointReference> enumerateReferences(String resourceUri, EnumerateOptions enumerateOptions) {
        return start(resourceUri, enumerateOptions.references(true), EndpointReference::from);
    }

    /** Invokes a WMI method on the instance addressed by resource URI and selectors. */
    public MethodOutput invoke(String resourceUri, SelectorSet selectors, String method, MethodInput input) {
        String id = nextMessageId();
        String action = resourceUri + "/" + method;
        Element body = input.toElement(resourceUri, method);
        return output(method, dispatch.call(method, RequestHeaders.build(options, action, id, resourceUri, selectors),
                id, body));
    }

    /** Invokes a WMI method on the instance a reference from the host points to. */
    public MethodOutput invoke(EndpointReference target, String method, MethodInput input) {
        String id = nextMessageId();
        String action = target.resourceUri() + "/" + method;
        Element body = input.toElement(target.resourceUri(), method);
        return output(method, dispatch.call(method, RequestHeaders.build(options, action, id, target), id, body));
    }

    /** Invokes a WMI method with a generated JAXB {@code _INPUT} object and binds the {@code _OUTPUT} to a type. */
    public <T> T invoke(String resourceUri, SelectorSet selectors, String method, Object jaxbInput,
                        Class<T> outputType) {
        String id = nextMessageId();
        String action = resourceUri + "/" + method;
        Element body = JaxbBinding.marshal(jaxbInput);
        return output(method, dispatch.call(method, RequestHeaders.build(options, action, id, resourceUri, selectors),
                id, body)).as(outputType);
    }

    private <T> Enumeration<T> start(String resourceUri, EnumerateOptions eo, Function<Element, T> mapper) {
        Enumerate request = new Enumerate();
        Document doc = XmlElements.newDocument();
        if (eo.optimize()) {
            request.getAny().add(XmlElements.element(doc, WsManNamespace.WSMAN, "w", "OptimizeEnumeration"));
            Element max = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "MaxElements");
            max.setTextContent(Integer.toString(eo.maxElements()));
            request.getAny().add(max);
        }
        if (eo.references()) {
            Element mode = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "EnumerationMode");
            mode.setTextContent("EnumerateEPR");
            request.getAny().add(mode);
        }
        if (eo.wqlFilter() != null) {
            Element filter = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "Filter");
            filter.setAttribute("Dialect", WsManNamespace.WQL_DIALECT);
            filter.setTextContent(eo.wqlFilter());
            request.getAny().add(filter);
        }
        String id = nextMessageId();
        Element reply = dispatch.call("Enumerate " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_ENUMERATE, id, resourceUri, SelectorSet.EMPTY),
                id, JaxbBinding.marshal(request));
        Element response = requireBody(reply, "Enumerate " + className(resourceUri));
        requireName(response, "EnumerateResponse");
        return new Enumeration<>(this, resourceUri, eo, mapper, EnumerationBatch.read(response));
    }

    /** One Pull; w:TimedOut (nothing ready within OperationTimeout) is answered by pulling again. */
    EnumerationBatch pull(String resourceUri, String context, EnumerateOptions eo) {
        Pull pull = new Pull();
        pull.setEnumerationContext(contextOf(context));
        pull.setMaxElements(BigInteger.valueOf(eo.maxElements()));
        Element body = JaxbBinding.marshal(pull);
        for (int timedOut = 0; ; timedOut++) {
            String id = nextMessageId();
            try {
                Element reply = dispatch.call("Pull " + className(resourceUri),
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
        Release release = new Release();
        release.setEnumerationContext(contextOf(context));
        String id = nextMessageId();
        dispatch.call("Release " + className(resourceUri),
                RequestHeaders.build(options, WsManNamespace.ACTION_RELEASE, id, resourceUri, SelectorSet.EMPTY),
                id, JaxbBinding.marshal(release));
    }

    private static EnumerationContextType contextOf(String context) {
        EnumerationContextType ctx = new EnumerationContextType();
        ctx.getContent().add(context);
        return ctx;
    }

    private static MethodOutput output(String method, Element body) {
        Element out = requireBody(body, method);
        if (!(method + "_OUTPUT").equals(out.getLocalName())) {
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

    @Override
    public void close() {
        transport.close();
    }
}
