package io.hypervwsman.transport.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes recorded exchanges as a WireMock root ({@code mappings/*.json}, {@code __files/*.xml}) in the shape of
 * test-fixtures/wsman: XPath matching with {@code xPathNamespaces}, the reply's RelatesTo templated from the request's
 * MessageID. A request recorded several times (a job polled until it completes) becomes a WireMock scenario that
 * answers with each recorded reply in turn and then keeps answering with the last one, so a replay that polls more
 * often than the recording did still ends where the recording ended.
 */
final class WireMockMappings {
    static final String RELATES_TO_TEMPLATE = "{{xPath request.body '/*[local-name()=\"Envelope\"]/*[local-name()="
            + "\"Header\"]/*[local-name()=\"MessageID\"]/text()'}}";
    private static final Pattern RELATES_TO = Pattern.compile(
            "(<(?:[A-Za-z0-9_.-]+:)?RelatesTo(?:\\s[^>]*)?>)[^<]*(</(?:[A-Za-z0-9_.-]+:)?RelatesTo>)");
    private static final Map<String, String> XPATH_NAMESPACES = Map.of(
            "s", "http://www.w3.org/2003/05/soap-envelope",
            "a", "http://schemas.xmlsoap.org/ws/2004/08/addressing",
            "w", "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
            "n", "http://schemas.xmlsoap.org/ws/2004/09/enumeration");

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    WireMockMappings(Path root) {
        this.root = root;
    }

    void write(List<RecordingTransport.RecordedExchange> exchanges) {
        Map<RequestPattern, List<Integer>> repeats = new LinkedHashMap<>();
        List<RequestPattern> patterns = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            RequestPattern p = RequestPattern.of(exchanges.get(i).request());
            patterns.add(p);
            repeats.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
        }
        try {
            Files.createDirectories(root.resolve("mappings"));
            Files.createDirectories(root.resolve("__files"));
            Map<RequestPattern, Integer> scenarioOf = new LinkedHashMap<>();
            for (int i = 0; i < exchanges.size(); i++) {
                RequestPattern p = patterns.get(i);
                List<Integer> same = repeats.get(p);
                Integer number = same.size() > 1 ? scenarioOf.computeIfAbsent(p, k -> scenarioOf.size() + 1) : null;
                writeOne(i + 1, exchanges.get(i), p, number, same.indexOf(i), same.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording to " + root + ": " + e.getMessage(), e);
        }
    }

    private void writeOne(int index, RecordingTransport.RecordedExchange exchange, RequestPattern pattern,
                          Integer scenario, int call, int calls) throws IOException {
        String base = String.format(Locale.ROOT, "%03d-%s-%s", index, slug(lastSegment(pattern.action())),
                slug(lastSegment(pattern.resourceUri())));
        Files.writeString(root.resolve("__files").resolve(base + ".xml"), templated(exchange.reply()),
                StandardCharsets.UTF_8);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("name", String.format(Locale.ROOT, "%03d %s %s%s", index, lastSegment(pattern.action()),
                lastSegment(pattern.resourceUri()), scenario == null ? "" : " (call " + (call + 1) + " of " + calls + ")"));
        if (scenario != null) {
            String name = String.format(Locale.ROOT, "repeated-request-%02d", scenario);
            mapping.put("scenarioName", name);
            mapping.put("requiredScenarioState", call == 0 ? "Started" : "call-" + (call + 1));
            if (call + 1 < calls) {
                mapping.put("newScenarioState", "call-" + (call + 2));
            }
        }
        mapping.put("request", request(pattern));
        mapping.put("response", response(exchange.status(), base + ".xml"));
        json.writeValue(root.resolve("mappings").resolve(base + ".json").toFile(), mapping);
    }

    private static Map<String, Object> request(RequestPattern pattern) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", "POST");
        r.put("urlPath", "/wsman");
        r.put("headers", Map.of("Content-Type", Map.of("contains", "application/soap+xml")));
        List<Map<String, Object>> body = new ArrayList<>();
        for (String xpath : pattern.xpaths()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("matchesXPath", xpath);
            // Without xPathNamespaces WireMock 3 parses without namespace awareness and namespace-uri() is always ''.
            m.put("xPathNamespaces", new java.util.TreeMap<>(XPATH_NAMESPACES));
            body.add(m);
        }
        r.put("bodyPatterns", body);
        return r;
    }

    private static Map<String, Object> response(int status, String bodyFile) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/soap+xml;charset=UTF-8");
        headers.put("Server", "Microsoft-HTTPAPI/2.0");
        r.put("headers", headers);
        r.put("bodyFileName", bodyFile);
        r.put("transformers", List.of("response-template"));
        return r;
    }

    /** The reply as a Handlebars template: literal braces escaped, RelatesTo taken from the request. */
    static String templated(String reply) {
        String escaped = reply.replace("{{", "\\{{");
        Matcher m = RELATES_TO.matcher(escaped);
        return m.find() ? escaped.substring(0, m.start()) + m.group(1) + RELATES_TO_TEMPLATE + m.group(2)
                + escaped.substring(m.end()) : escaped;
    }

    private static String lastSegment(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int slash = trimmed.lastIndexOf('/');
        String last = slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
        return "*".equals(last) ? "all" : last;
    }

    private static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "request" : slug;
    }
}
