package io.hypervwsman.hyperv;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** How the operator named a VM: its GUID (any case) or its display name (ElementName, not unique). */
public record VmRef(String value) {
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    public VmRef {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a VM name or GUID is required");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a VM name cannot contain control characters");
        }
    }

    /** A reference from what the operator typed. */
    public static VmRef of(String nameOrGuid) {
        return new VmRef(nameOrGuid.trim());
    }

    public boolean isGuid() {
        return GUID.matcher(value).matches();
    }

    /** The GUID as Hyper-V writes it (upper case, no braces). */
    public String guid() {
        if (!isGuid()) {
            throw new IllegalStateException(value + " is not a GUID");
        }
        return value.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
