package io.hypervwsman.sim;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The WS-Management service of a simulated Hyper-V host: Get, Enumerate/Pull/Release with WQL, and WMI method
 * Invoke against root/virtualization/v2, answering in the shapes a Windows host uses. It counts every Invoke per
 * method name and shows the faults its scenario (or a test) arms.
 */
public final class HyperVBackend implements SoapBackend {
    private static final Logger LOG = LoggerFactory.getLogger(HyperVBackend.class);
    private static final String GET_RESPONSE = WsManUris.GET + "Response";

    private final HyperVHost host;
    private final VmmsMethods methods;
    private final ReplicaServerMethods serverMethods;
    private final EnumerationContexts enumerations;
    private final ReplyEnvelope envelopes;
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private final FaultPlan faults = new FaultPlan();
    /** The plaintext envelopes of the last Invoke requests, as received, for tests that compare the wire. */
    private final java.util.Deque<InvokeRecord> invokeLog = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int INVOKE_LOG_LIMIT = 100;

    /** A backend for {@code scenario} whose time is {@code clock}. */
    public HyperVBackend(Scenario scenario, Clock clock) {
        this(scenario, clock, UUID::randomUUID);
    }

    private final List<String> filterDialects = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** As above, with the source of message, job and context ids. */
    public HyperVBackend(Scenario scenario, Clock clock, Supplier<UUID> ids) {
        this(scenario, clock, ids, new ReplicaNetwork());
    }

    /** A backend whose host is one of {@code network}'s (a lab). */
    HyperVBackend(Scenario scenario, Clock clock, Supplier<UUID> ids, ReplicaNetwork network) {
        this.host = new HyperVHost(scenario, clock, ids, network);
        this.methods = new VmmsMethods(host);
        this.serverMethods = new ReplicaServerMethods(host);
        this.enumerations = new EnumerationContexts(clock, scenario.enumerationExpiryDuration(), ids);
        this.envelopes = new ReplyEnvelope(ids);
        scenario.faults().forEach(faults::arm);
    }

    /** The faults this host shows, its scenario's first; its gateway takes those that are not the service's. */
    public FaultPlan faults() {
        return faults;
    }

    /** The envelopes of the Invoke requests named {@code method} still in the log (the last 100 Invokes), oldest first. */
    public List<String> invokeEnvelopes(String method) {
        return invokeLog.stream().filter(r -> r.method().equals(method)).map(InvokeRecord::envelope).toList();
    }

    /** How many Invoke requests named {@code method} reached the host, whatever their outcome. */
    public int invocations(String method) {
        AtomicInteger n = invocations.get(method);
        return n == null ? 0 : n.get();
    }

    /** The Dialect of every Enumerate filter the host received, oldest first. */
    public List<String> filterDialects() {
        return List.copyOf(filterDialects);
    }

    /** How many enumeration contexts are open. */
    public int openEnumerations() {
        return enumerations.size();
    }

    HyperVHost host() {
        return host;
    }

    @Override
    public Reply handle(byte[] envelope) {
        Optional<org.w3c.dom.Document> document = SecureXml.parse(envelope);
        if (document.isPresent() && IdentifyReply.isIdentify(document.get())) {
            invocations.computeIfAbsent("Identify", k -> new AtomicInteger()).incrementAndGet();
            return new Reply(200, ReplyEnvelope.CONTENT_TYPE, IdentifyReply.envelope());
        }
        Optional<WsManRequest> parsed = document.flatMap(WsManRequest::read);
        if (parsed.isEmpty()) {
            // Not a SOAP 1.2 envelope, or one with a DOCTYPE: HTTP.sys/WinRM answer 400 without a SOAP body.
            return new Reply(400, null, new byte[0]);
        }
        WsManRequest request = parsed.get();
        try {
            return respond(request);
        } catch (SoapFault fault) {
            LOG.debug("simulated host answers {} with {}", request.action(), fault.getMessage());
            return new Reply(500, ReplyEnvelope.CONTENT_TYPE, envelopes.write(ReplyEnvelope.Kind.FAULT,
                    fault.action(), fault.relatesToRequest() ? request.messageId() : null, fault.toXml(host.machine())));
        }
    }

    private Reply respond(WsManRequest request) {
        String action = request.action();
        Optional<String> method = request.invokedMethod();
        method.ifPresent(m -> invocations.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet());
        method.ifPresent(m -> {
            invokeLog.addLast(new InvokeRecord(m, request.envelopeText()));
            while (invokeLog.size() > INVOKE_LOG_LIMIT) {
                invokeLog.pollFirst();
            }
        });
        String operation = request.operation();
        Optional<HostFault> fault = faults.take(HostFault.SERVICE_FAULTS, operation);
        if (fault.isPresent() && fault.get() == HostFault.QUOTA) {
            throw WsManFaults.quota();
        }
        if (fault.isPresent() && fault.get() == HostFault.SLOW_REPLY && method.isEmpty()) {
            throw WsManFaults.timedOut();
        }
        Reply reply = dispatch(request, action, method);
        if (fault.isPresent() && fault.get() == HostFault.SLOW_REPLY) {
            // The method ran; only the answer missed OperationTimeout, so the outcome is unknown to the caller.
            throw WsManFaults.timedOut();
        }
        if (fault.isPresent() && fault.get() == HostFault.DROP_AFTER_PROCESSING) {
            return Reply.droppedConnection();
        }
        return reply;
    }

    private Reply dispatch(WsManRequest request, String action, Optional<String> method) {
        if (method.isPresent()) {
            return invoke(request, method.get());
        }
        return switch (action) {
            case WsManUris.GET -> get(request);
            case WsManUris.ENUMERATE -> enumerate(request);
            case WsManUris.PULL -> pull(request);
            case WsManUris.RELEASE -> release(request);
            default -> throw WsManFaults.actionNotSupported(action);
        };
    }

    private static String className(WsManRequest request) {
        String uri = request.resourceUri();
        if (!uri.startsWith(WsManUris.CLASS_PREFIX) || uri.equals(WsManUris.NAMESPACE_WILDCARD)) {
            throw WsManFaults.notFound("GetObject", uri);
        }
        return uri.substring(WsManUris.CLASS_PREFIX.length());
    }

    private Reply ok(ReplyEnvelope.Kind kind, String action, WsManRequest request, String body) {
        return new Reply(200, ReplyEnvelope.CONTENT_TYPE, envelopes.write(kind, action, request.messageId(), body));
    }

    private Reply get(WsManRequest request) {
        InstanceSnapshot instance = host.get(className(request), request.selectors());
        return ok(ReplyEnvelope.Kind.TRANSFER, GET_RESPONSE, request, instance.toXml());
    }

    private Reply invoke(WsManRequest request, String method) {
        MethodResult result;
        synchronized (host.lock) {
            host.settle();
            InstanceSnapshot target = host.get(className(request), request.selectors());
            MethodInput input = MethodInput.read(request, method);
            result = ReplicaServerMethods.handles(target, method) ? serverMethods.invoke(method, input)
                    : methods.invoke(target, method, input);
            host.settle();
        }
        return ok(ReplyEnvelope.Kind.TRANSFER, request.action() + "Response", request,
                result.toXml(request.resourceUri(), method));
    }

    private Reply enumerate(WsManRequest request) {
        Element body = request.payload().filter(e -> "Enumerate".equals(e.getLocalName()))
                .orElseThrow(() -> WsManFaults.invalidParameter("the body has no n:Enumerate"));
        boolean optimize = SecureXml.child(body, WsManUris.WSMAN, "OptimizeEnumeration").isPresent();
        int maxElements = SecureXml.childText(body, WsManUris.WSMAN, "MaxElements").map(Integer::parseInt).orElse(1);
        String mode = SecureXml.childText(body, WsManUris.WSMAN, "EnumerationMode").orElse("");
        List<String> items = EnumerationItems.render(query(request, body), mode);
        String content;
        if (optimize) {
            EnumerationContexts.Batch batch = enumerations.start(items, maxElements);
            content = "<n:EnumerationContext>" + (batch.endOfSequence() ? "" : batch.nextContext())
                    + "</n:EnumerationContext><w:Items>" + String.join("", batch.items()) + "</w:Items>"
                    + (batch.endOfSequence() ? "<w:EndOfSequence/>" : "");
        } else {
            content = "<n:EnumerationContext>" + enumerations.hold(items) + "</n:EnumerationContext>";
        }
        return ok(ReplyEnvelope.Kind.ENUMERATION, WsManUris.ENUMERATE + "Response", request,
                "<n:EnumerateResponse>" + content + "</n:EnumerateResponse>");
    }

    private List<InstanceSnapshot> query(WsManRequest request, Element enumerate) {
        Optional<Element> filter = SecureXml.child(enumerate, WsManUris.WSMAN, "Filter");
        boolean wildcard = request.resourceUri().equals(WsManUris.NAMESPACE_WILDCARD);
        if (filter.isEmpty()) {
            if (wildcard) {
                throw WsManFaults.cannotProcessFilter("a WQL filter is required to enumerate " + request.resourceUri());
            }
            return host.instances(className(request));
        }
        String dialect = filter.get().getAttribute("Dialect");
        filterDialects.add(dialect);
        if (AssociationFilterQuery.DIALECT.equals(dialect)) {
            if (!wildcard) {
                throw WsManFaults.cannotProcessFilter("an association filter goes with " + WsManUris.NAMESPACE_WILDCARD);
            }
            return WqlEvaluation.run(host, AssociationFilterQuery.read(filter.get()));
        }
        if (!WsManUris.WQL_DIALECT.equals(dialect)) {
            throw WsManFaults.filterDialectUnavailable();
        }
        Optional<String> resourceClass = wildcard ? Optional.empty() : Optional.of(className(request));
        return WqlEvaluation.run(host, filter.get().getTextContent().trim(), resourceClass);
    }

    private Reply pull(WsManRequest request) {
        Element body = request.payload().filter(e -> "Pull".equals(e.getLocalName()))
                .orElseThrow(() -> WsManFaults.invalidParameter("the body has no n:Pull"));
        String context = SecureXml.childText(body, WsManUris.ENUMERATION, "EnumerationContext").orElse("");
        int max = SecureXml.childText(body, WsManUris.ENUMERATION, "MaxElements").map(Integer::parseInt).orElse(1);
        EnumerationContexts.Batch batch = enumerations.pull(context, max);
        String content = (batch.endOfSequence() ? "" : "<n:EnumerationContext>" + batch.nextContext()
                + "</n:EnumerationContext>") + "<n:Items>" + String.join("", batch.items()) + "</n:Items>"
                + (batch.endOfSequence() ? "<n:EndOfSequence/>" : "");
        return ok(ReplyEnvelope.Kind.ENUMERATION, WsManUris.PULL + "Response", request,
                "<n:PullResponse>" + content + "</n:PullResponse>");
    }

    private Reply release(WsManRequest request) {
        Element body = request.payload().filter(e -> "Release".equals(e.getLocalName()))
                .orElseThrow(() -> WsManFaults.invalidParameter("the body has no n:Release"));
        enumerations.release(SecureXml.childText(body, WsManUris.ENUMERATION, "EnumerationContext").orElse(""));
        return ok(ReplyEnvelope.Kind.ENUMERATION, WsManUris.RELEASE + "Response", request, "");
    }

    private record InvokeRecord(String method, String envelope) {
    }
}
