package io.hypervwsman.transport.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Stable stand-ins for the identifying strings in a recording: host names (short, FQDN, DNS domain, IP), the user
 * and its domain, and every GUID. The same original always gets the same pseudonym, in requests and replies alike,
 * so a client replaying the recording sends back exactly the pseudonymized values the mappings expect.
 */
final class Pseudonyms {
    /** Elements, selectors and attributes whose values name a host (Windows puts the host's name in these). */
    private static final Set<String> HOST_NAMES = Set.of("systemname", "csname", "dnshostname", "hostname",
            "computername", "machine", "primaryhostsystem", "recoveryhostsystem", "replicaservername",
            "primaryservername", "recoveryservername");
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String GUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
    private static final String WORD_EDGE = "A-Za-z0-9_-";

    /** Lower-cased original name to its pseudonym. */
    private final Map<String, String> names = new LinkedHashMap<>();
    /** Upper-cased original GUID to its pseudonym (upper case). */
    private final Map<String, String> guids = new HashMap<>();
    private int hosts;
    private int domains;
    private int addresses;
    private Pattern pattern;

    private Pseudonyms() {
    }

    /** Learns the names to replace from the endpoint, the user and every envelope of the recording. */
    static Pseudonyms learn(String endpointHost, String user, List<RecordingTransport.RecordedExchange> exchanges) {
        Pseudonyms p = new Pseudonyms();
        if (user != null) {
            p.user(user);
        }
        if (endpointHost != null) {
            p.host(endpointHost);
        }
        for (RecordingTransport.RecordedExchange e : exchanges) {
            io.hypervwsman.xml.SafeXml.parse(e.request()).ifPresent(p::learnFrom);
            io.hypervwsman.xml.SafeXml.parse(e.reply()).ifPresent(p::learnFrom);
        }
        p.compile();
        return p;
    }

    private void user(String account) {
        int backslash = account.indexOf('\\');
        int at = account.lastIndexOf('@');
        String name = backslash >= 0 ? account.substring(backslash + 1) : at >= 0 ? account.substring(0, at) : account;
        String domain = backslash >= 0 ? account.substring(0, backslash) : at >= 0 ? account.substring(at + 1) : "";
        names.putIfAbsent(name.toLowerCase(Locale.ROOT), "user1");
        if (!domain.isEmpty()) {
            if (domain.contains(".")) {
                dnsDomain(domain);
            } else {
                names.putIfAbsent(domain.toLowerCase(Locale.ROOT), "DOMAIN1");
            }
        }
    }

    private void host(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || !NAME_SHAPE.matcher(h).matches() || names.containsKey(h)) {
            return;
        }
        if (IPV4.matcher(h).matches()) {
            names.put(h, "192.0.2." + (++addresses));
            return;
        }
        int dot = h.indexOf('.');
        String label = dot < 0 ? h : h.substring(0, dot);
        String shortName = names.computeIfAbsent(label, k -> "host" + (++hosts));
        if (dot >= 0) {
            names.put(h, shortName + "." + dnsDomain(h.substring(dot + 1)));
        }
    }

    private String dnsDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return names.computeIfAbsent(d, k -> "domain" + (++domains) + ".test");
    }

    private void learnFrom(Document doc) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String local = e.getLocalName() == null ? "" : e.getLocalName().toLowerCase(Locale.ROOT);
            String selector = "selector".equals(local) ? e.getAttribute("Name").toLowerCase(Locale.ROOT) : "";
            if ((HOST_NAMES.contains(local) || HOST_NAMES.contains(selector)) && !hasElementChildren(e)) {
                String value = e.getTextContent().trim();
                if (!value.isEmpty()) {
                    host(value);
                }
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                Attr a = (Attr) attributes.item(j);
                String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if (HOST_NAMES.contains(name.toLowerCase(Locale.ROOT)) && !a.getValue().isBlank()) {
                    host(a.getValue().trim());
                }
            }
        }
    }

    private static boolean hasElementChildren(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private void compile() {
        List<String> known = new ArrayList<>(names.keySet());
        // Longest first, so an FQDN is replaced whole before its first label could be.
        known.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String n : known) {
            alternatives.append(Pattern.quote(n)).append('|');
        }
        String nameAlternative = known.isEmpty() ? "" : "(?<![" + WORD_EDGE + "])(?<name>"
                + alternatives.substring(0, alternatives.length() - 1) + ")(?![" + WORD_EDGE + "])|";
        pattern = Pattern.compile("(?i)" + nameAlternative + "(?<![0-9A-Fa-f-])(?<guid>" + GUID + ")(?![0-9A-Fa-f-])");
    }

    /** The text with every known name and every GUID replaced by its pseudonym. */
    String apply(String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String original = m.group("guid") != null ? m.group("guid") : m.group("name");
            String replacement = m.group("guid") != null ? guid(original) : names.get(original.toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(inCaseOf(original, replacement)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String guid(String original) {
        return guids.computeIfAbsent(original.toUpperCase(Locale.ROOT),
                k -> String.format(Locale.ROOT, "00000000-0000-4000-8000-%012X", guids.size() + 1));
    }

    /** Windows writes the same name as HV01 in one place and hv01 in another; keep that look. */
    private static String inCaseOf(String original, String replacement) {
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return replacement.toLowerCase(Locale.ROOT);
        }
        return replacement.toUpperCase(Locale.ROOT);
    }
}
