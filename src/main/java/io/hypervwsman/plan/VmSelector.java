package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a plan names VMs: a GUID, a display name, or a glob pattern ({@code *}, {@code ?}) over display names. */
public record VmSelector(String text) {
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    public VmSelector {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a VM name, GUID or pattern is required");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a VM name cannot contain control characters");
        }
    }

    /** The selector the plan file wrote. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VmSelector of(String text) {
        return new VmSelector(text);
    }

    @JsonValue
    public String text() {
        return text;
    }

    public boolean isGuid() {
        return GUID.matcher(text).matches();
    }

    public boolean isPattern() {
        return !isGuid() && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
    }

    /** Whether a VM with this id and display name is selected (names compare without case, as Hyper-V does). */
    public boolean matches(String id, String name) {
        if (isGuid()) {
            return normalGuid(text).equals(normalGuid(id));
        }
        if (isPattern()) {
            return globRegex().matcher(name).matches();
        }
        return text.equalsIgnoreCase(name);
    }

    private Pattern globRegex() {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String normalGuid(String g) {
        return g.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
