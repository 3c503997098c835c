package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReturnValues;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.wsman.AssociationFilter;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.Identity;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.ProtocolException;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.wsman.Wql;
import io.hypervwsman.xml.SafeXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The generic WS-Management escape hatch, for what hyperv-wsman does not wrap (the analogue of {@code winrm
 * id/get/enumerate/invoke}): the same connection, authentication and encryption as every other command, output as
 * text, JSON or the raw XML the host sent.
 */
@Command(name = "wsman", mixinStandardHelpOptions = true,
        description = "Generic WS-Management: identify, get, enumerate, invoke (--output text, json or xml).",
        subcommands = {WsManCommand.Identify.class, WsManCommand.Get.class, WsManCommand.EnumerateCommand.class,
                WsManCommand.Invoke.class})
final class WsManCommand {

    /** What the wsman verbs share: --output text|json|xml and the RESOURCE/selector conventions. */
    abstract static class Verb extends HostCommand {
        @Override
        boolean acceptsXml() {
            return true;
        }

        boolean xml() {
            return output == OutputFormat.xml;
        }

        static SelectorSet selectors(List<String> given) {
            return new SelectorSet(pairs(given, "--selector"));
        }

        static Map<String, String> pairs(List<String> given, String option) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : given) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException(option + " " + kv + ": expected NAME=VALUE");
                }
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return m;
        }

        void printText(CimInstance instance) {
            terminal.out().println(instance.className());
            CimJson.properties(instance.element()).forEach((k, v) -> terminal.out().println("    " + k + " = "
                    + text(v)));
        }

        static String text(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Map<?, ?> m && m.containsKey("resourceUri") && m.get("selectors") instanceof Map<?, ?> keys) {
                // a reference, as winrm writes one: Class?Key=Value&Key=Value
                String uri = String.valueOf(m.get("resourceUri"));
                return uri.substring(uri.lastIndexOf('/') + 1) + "?" + keys.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            }
            if (v instanceof List<?> l) {
                return l.stream().map(Verb::text).collect(Collectors.joining(", ", "[", "]"));
            }
            return v.toString();
        }
    }

    /** {@code wsman identify}. */
    @Command(name = "identify", mixinStandardHelpOptions = true,
            description = "WS-Management Identify: protocol version, vendor, product version of the host's service.")
    static final class Identify extends Verb {
        @Override
        String operation() {
            return "Identify";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            Identity id = session.host().client().identify();
            if (xml()) {
                terminal.out().println(SafeXml.toText(id.element()));
            } else if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("protocolVersion", id.protocolVersion());
                m.put("productVendor", id.productVendor());
                m.put("productVersion", id.productVersion().orElse(null));
                m.put("securityProfiles", id.securityProfiles());
                report.result(m, 0);
            } else {
                terminal.out().println("ProtocolVersion = " + id.protocolVersion());
                terminal.out().println("ProductVendor = " + id.productVendor());
                terminal.out().println("ProductVersion = " + id.productVersion().orElse("(not given)"));
                id.securityProfiles().forEach(p -> terminal.out().println("SecurityProfileName = " + p));
            }
            return 0;
        }
    }

    /** {@code wsman get RESOURCE --selector K=V ...}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "WS-Transfer Get of one instance.")
    static final class Get extends Verb {
        @Parameters(index = "0", paramLabel = "RESOURCE",
                description = "Class (Msvm_ComputerSystem: root/virtualization/v2), namespace/Class, or resource URI.")
        String resource;

        @Option(names = "--selector", paramLabel = "KEY=VALUE", description = "A key property; repeat for each.")
        List<String> selectors = new ArrayList<>();

        @Override
        String operation() {
            return "WsManGet";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            String uri = ResourceName.uri(resource);
            CimInstance instance = session.host().client().get(uri, selectors(selectors));
            if (xml()) {
                terminal.out().println(SafeXml.toText(instance.element()));
            } else if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("resourceUri", uri);
                m.put("className", instance.className());
                m.put("properties", CimJson.properties(instance.element()));
                report.result(m, 0);
            } else {
                printText(instance);
            }
            return 0;
        }
    }

    /**
     * {@code wsman enumerate RESOURCE [--filter WQL] [--associators|--references --selector K=V ...] [--epr]}. The
     * traversals go over {@code namespace/*} as WQL (ASSOCIATORS OF / REFERENCES OF) unless {@code --dialect
     * association} sends the CIM binding's association filter (DSP0227) instead.
     */
    @Command(name = "enumerate", mixinStandardHelpOptions = true,
            description = "WS-Enumeration of a class, a WQL query, or the objects associated with one instance.")
    static final class EnumerateCommand extends Verb {
        @Parameters(index = "0", paramLabel = "RESOURCE",
                description = "Class, namespace/Class, resource URI, or * (root/virtualization/v2/*, needs --filter).")
        String resource;

        @Option(names = "--filter", paramLabel = "WQL", description = "A WQL query (Dialect WQL).")
        String filter;

        @Option(names = "--associators",
                description = "ASSOCIATORS OF the RESOURCE instance named by --selector (WQL over namespace/*).")
        boolean associators;

        @Option(names = "--references",
                description = "REFERENCES OF the RESOURCE instance named by --selector (WQL over namespace/*).")
        boolean references;

        @Option(names = "--selector", paramLabel = "KEY=VALUE",
                description = "With --associators/--references: a key of the source instance.")
        List<String> selectors = new ArrayList<>();

        @Option(names = "--result-class", paramLabel = "CLASS", description = "With --associators/--references.")
        String resultClass;

        @Option(names = "--assoc-class", paramLabel = "CLASS", description = "With --associators.")
        String assocClass;

        @Option(names = "--role", paramLabel = "PROPERTY",
                description = "With --associators/--references: the association's reference to the source.")
        String role;

        @Option(names = "--result-role", paramLabel = "PROPERTY",
                description = "With --associators: the association's reference to the result.")
        String resultRole;

        @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "wql",
                description = "With --associators/--references: wql (default: ASSOCIATORS OF / REFERENCES OF) or"
                        + " association (the WS-Man CIM binding's association filter, WinRM 2.0 and later).")
        String dialect;

        @Option(names = "--epr", description = "Return endpoint references (EnumerateEPR) instead of instances.")
        boolean epr;

        @Override
        String operation() {
            return "WsManEnumerate";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            String uri = ResourceName.uri(resource);
            String wql = query(uri);
            boolean traversal = associators || references;
            boolean association = traversal && dialect();
            String target = traversal ? uri.substring(0, uri.lastIndexOf('/') + 1) + "*" : uri;
            EnumerateOptions options = association ? EnumerateOptions.associations(associationFilter(uri))
                    : wql == null ? EnumerateOptions.all() : EnumerateOptions.wql(wql);
            WsManClient client = session.host().client();
            List<Map<String, Object>> items = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            if (epr) {
                try (Enumeration<EndpointReference> e = client.enumerateReferences(target, options)) {
                    e.stream().forEach(r -> items.add(CimJson.reference(r)));
                }
            } else {
                try (Enumeration<CimInstance> e = client.enumerate(target, options)) {
                    e.stream().forEach(i -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("className", i.className());
                        m.put("properties", CimJson.properties(i.element()));
                        items.add(m);
                        raw.add(SafeXml.toText(i.element()));
                    });
                }
            }
            if (xml() && !epr) {
                raw.forEach(terminal.out()::println);
            } else if (json || xml()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("resourceUri", target);
                m.put("dialect", association ? "association" : wql == null ? null : "wql");
                m.put("filter", association ? associationText(uri) : wql);
                m.put("count", items.size());
                m.put("items", items);
                report.result(m, 0);
            } else {
                for (Map<String, Object> item : items) {
                    if (epr) {
                        terminal.out().println(item.get("resourceUri") + " " + item.get("selectors"));
                        continue;
                    }
                    terminal.out().println(item.get("className"));
                    ((Map<?, ?>) item.get("properties")).forEach((k, v) -> terminal.out().println("    " + k + " = "
                            + text(v)));
                }
                terminal.err().println(items.size() + (items.size() == 1 ? " item" : " items"));
            }
            return 0;
        }

        /** Whether --dialect asks for the association filter (else WQL). */
        private boolean dialect() {
            if (dialect.equalsIgnoreCase("association")) {
                return true;
            }
            if (!dialect.equalsIgnoreCase("wql")) {
                throw new UsageException("--dialect must be wql or association, not " + dialect);
            }
            return false;
        }

        private AssociationFilter associationFilter(String uri) {
            EndpointReference source = EndpointReference.of(uri, selectors(selectors));
            return associators ? AssociationFilter.associatedInstances(source, assocClass, role, resultClass, resultRole)
                    : AssociationFilter.associationInstances(source, role, resultClass);
        }

        /** The association filter in winrm's -filter notation, for the JSON report. */
        private String associationText(String uri) {
            List<String> parts = new ArrayList<>();
            parts.add("Object=" + ResourceName.className(uri) + "?" + pairs(selectors, "--selector").entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")));
            keywords("AssociationClassName", "ResultClassName").forEach((k, v) -> parts.add(k + "=" + v));
            return (associators ? "AssociatedInstances" : "AssociationInstances") + "{" + String.join(";", parts) + "}";
        }

        private String query(String uri) {
            if (associators && references) {
                throw new UsageException("--associators and --references exclude each other");
            }
            if (!associators && !references) {
                if (!selectors.isEmpty() || resultClass != null || assocClass != null || role != null
                        || resultRole != null || !dialect.equalsIgnoreCase("wql")) {
                    throw new UsageException("--selector, --result-class, --assoc-class, --role, --result-role and"
                            + " --dialect go with --associators or --references (for one instance use: wsman get)");
                }
                return filter;
            }
            if (filter != null) {
                throw new UsageException("--filter and --" + (associators ? "associators" : "references")
                        + " exclude each other");
            }
            if (selectors.isEmpty()) {
                throw new UsageException("--" + (associators ? "associators" : "references")
                        + " needs the source instance's keys: --selector KEY=VALUE ...");
            }
            if (references && (assocClass != null || resultRole != null)) {
                throw new UsageException("--assoc-class and --result-role go with --associators (REFERENCES OF takes"
                        + " --result-class, the association's class, and --role)");
            }
            String path = ResourceName.className(uri) + "." + pairs(selectors, "--selector").entrySet().stream()
                    .map(e -> e.getKey() + "=" + Wql.literal(e.getValue())).collect(Collectors.joining(","));
            // WQL separates these keywords with spaces (WMI SDK, ASSOCIATORS OF Statement).
            List<String> where = new ArrayList<>();
            keywords("AssocClass", "ResultClass").forEach((k, v) -> where.add(k + " = " + identifier(v)));
            return (associators ? "ASSOCIATORS OF {" : "REFERENCES OF {") + path + "}"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" ", where));
        }

        /** The traversal's options that are set, under their names in the filter (WQL or association dialect). */
        private Map<String, String> keywords(String assocClassName, String resultClassName) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(assocClassName, assocClass);
            m.put(resultClassName, resultClass);
            m.put("Role", role);
            m.put("ResultRole", resultRole);
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        }

        private static String identifier(String name) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UsageException(name + " is not a class name");
            }
            return name;
        }
    }

    /** {@code wsman invoke RESOURCE METHOD --selector K=V --param K=V --ref K=RESOURCE?K=V&K=V}. */
    @Command(name = "invoke", mixinStandardHelpOptions = true,
            description = "Invoke a WMI method once (never resent). Exit 0 for ReturnValue 0 or 4096 (job started:"
                    + " follow it with 'job wait'), 1 for any other ReturnValue, 5 if the reply was lost.")
    static final class Invoke extends Verb {
        @Parameters(index = "0", paramLabel = "RESOURCE", description = "Class, namespace/Class or resource URI.")
        String resource;

        @Parameters(index = "1", paramLabel = "METHOD", description = "The method's MOF name, e.g. RevertFailover.")
        String method;

        @Option(names = "--selector", paramLabel = "KEY=VALUE", description = "A key of the target instance.")
        List<String> selectors = new ArrayList<>();

        @Option(names = "--param", paramLabel = "NAME=VALUE",
                description = "A string/number/boolean argument; repeat a NAME for an array.")
        List<String> params = new ArrayList<>();

        @Option(names = "--ref", paramLabel = "NAME=RESOURCE?KEY=VALUE&...",
                description = "A reference argument, e.g. ComputerSystem=Msvm_ComputerSystem?CreationClassName="
                        + "Msvm_ComputerSystem&Name=<GUID>. References are written before --param arguments.")
        List<String> refs = new ArrayList<>();

        @Override
        String operation() {
            return method == null ? "WsManInvoke" : method;
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            if (!method.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UsageException(method + " is not a method name");
            }
            String uri = ResourceName.uri(resource);
            SelectorSet target = selectors(selectors);
            MethodInput input = input();
            MethodOutput out;
            try {
                out = session.host().client().invoke(uri, target, method, input);
            } catch (ConnectionException e) {
                if (!e.requestMayHaveBeenProcessed()) {
                    throw e;
                }
                throw lost("the connection was lost after " + method + " was sent (" + e.getMessage() + ")", e);
            } catch (WsManFaultException e) {
                if (!e.fault().isTimedOut()) {
                    throw e;
                }
                throw lost("the host did not answer " + method + " within OperationTimeout", e);
            } catch (ProtocolException e) {
                throw lost("the reply to " + method + " could not be read (" + e.getMessage() + ")", e);
            }
            Optional<Long> rv = out.number("ReturnValue");
            int exitCode = rv.map(v -> v == ReturnValues.COMPLETED || v == ReturnValues.JOB_STARTED ? 0 : 1).orElse(0);
            Optional<EndpointReference> job = out.has("Job") && !out.isNull("Job") ? out.reference("Job")
                    : Optional.empty();
            if (xml()) {
                terminal.out().println(SafeXml.toText(out.element()));
            } else if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("resourceUri", uri);
                m.put("method", method);
                m.put("selectors", target.selectors());
                m.put("returnValue", rv.orElse(null));
                m.put("returnValueMeaning", rv.map(ReturnValues::meaning).orElse(null));
                m.put("job", job.map(CimJson::reference).orElse(null));
                m.put("output", CimJson.properties(out.element()));
                report.result(m, exitCode);
            } else {
                printText(out);
                rv.ifPresent(v -> terminal.err().println("ReturnValue " + v + ": " + ReturnValues.meaning(v)));
                job.ifPresent(j -> Optional.ofNullable(j.selectors().get("InstanceID")).ifPresent(id ->
                        terminal.err().println("follow the job with: hyperv-wsman job wait --job " + id)));
            }
            return exitCode;
        }

        private InvokeOutcomeUnknownException lost(String what, Exception cause) {
            return new InvokeOutcomeUnknownException(what + "; the host may have run it. It is not resent: check the"
                    + " target's state (wsman get, or job list) before invoking again", cause);
        }

        private MethodInput input() {
            MethodInput input = MethodInput.create();
            for (Map.Entry<String, String> r : pairs(refs, "--ref").entrySet()) {
                input.addReference(r.getKey(), reference(r.getValue()));
            }
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (String kv : params) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--param " + kv + ": expected NAME=VALUE");
                }
                byName.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>()).add(kv.substring(eq + 1));
            }
            byName.forEach((name, values) -> {
                if (values.size() == 1) {
                    input.add(name, values.get(0));
                } else {
                    input.addArray(name, values);
                }
            });
            return input;
        }

        private static EndpointReference reference(String text) {
            int q = text.indexOf('?');
            if (q <= 0) {
                throw new UsageException("--ref value " + text + ": expected RESOURCE?KEY=VALUE&KEY=VALUE");
            }
            List<String> keys = List.of(text.substring(q + 1).split("&"));
            return EndpointReference.of(ResourceName.uri(text.substring(0, q)), new SelectorSet(pairs(keys, "--ref")));
        }
    }
}
