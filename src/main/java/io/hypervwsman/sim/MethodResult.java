package io.hypervwsman.sim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A WMI method's ReturnValue and out parameters, each already rendered as element content. */
record MethodResult(long returnValue, Map<String, List<String>> outputs) {
    static final long COMPLETED = 0;
    static final long JOB_STARTED = 4096;
    static final long INVALID_PARAMETER = 32773;
    static final long INVALID_STATE = 32775;

    MethodResult {
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(outputs);
        outputs = Collections.unmodifiableMap(sorted);
    }

    static MethodResult of(long returnValue) {
        return new MethodResult(returnValue, Map.of());
    }

    /** The {@code <Method>_OUTPUT} element: out parameters and ReturnValue in alphabetical order. */
    String toXml(String resourceUri, String method) {
        TreeMap<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(outputs);
        all.put("ReturnValue", List.of(Long.toString(returnValue)));
        StringBuilder s = new StringBuilder(512);
        s.append("<p:").append(method).append("_OUTPUT xmlns:p=\"").append(io.hypervwsman.xml.XmlEscape.escape(resourceUri)).append("\">");
        all.forEach((name, values) -> values.forEach(v ->
                s.append("<p:").append(name).append('>').append(v).append("</p:").append(name).append('>')));
        return s.append("</p:").append(method).append("_OUTPUT>").toString();
    }
}
