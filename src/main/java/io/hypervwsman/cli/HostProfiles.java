package io.hypervwsman.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host profiles of the config file, {@code $XDG_CONFIG_HOME/hyperv-wsman/config.yaml} (else
 * {@code ~/.config/hyperv-wsman/config.yaml}): {@code hosts:} maps a name to the connection options of
 * {@link HostProfile}, written as the command-line options without their dashes. A password is refused: it belongs
 * in the environment, a password file or the prompt. Relative paths are relative to the config file's directory;
 * {@code ~/} is the home directory.
 */
final class HostProfiles {
    static final String FILE = "hyperv-wsman/config.yaml";
    /** The keys a profile may have. */
    static final List<String> KEYS = List.of("endpoint", "https", "auth", "user", "ca-file", "password-file", "keytab",
            "realm", "kdc", "spn", "client-cert", "client-key");

    private final Path file;
    private final Map<String, HostProfile> hosts;

    private HostProfiles(Path file, Map<String, HostProfile> hosts) {
        this.file = file;
        this.hosts = hosts;
    }

    /** The profiles of the config file the environment points at; none when there is no such file. */
    static HostProfiles load(Map<String, String> env) {
        Path file = location(env);
        if (file == null) {
            return new HostProfiles(null, Map.of());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            // no config file, the usual case: Jackson is not even loaded
            return new HostProfiles(file, Map.of());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JacksonException e) {
            throw new UsageException(file + " is not valid YAML: " + e.getOriginalMessage(), "see README, \"Host"
                    + " profiles\"");
        }
        return new HostProfiles(file, parse(file, root, env));
    }

    /** The config file the environment points at, or null without XDG_CONFIG_HOME or HOME. */
    static Path location(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg).resolve(FILE);
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".config").resolve(FILE);
    }

    /** The profile named {@code name}, if the file has one. */
    Optional<HostProfile> find(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** The names of all profiles, in file order. */
    List<String> names() {
        return List.copyOf(hosts.keySet());
    }

    /** The file read (it may not exist), or null when the environment names none. */
    Path file() {
        return file;
    }

    private static Map<String, HostProfile> parse(Path file, JsonNode root, Map<String, String> env) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        JsonNode hosts = root.get("hosts");
        if (!root.isObject() || hosts == null || !hosts.isObject()) {
            throw new UsageException(file + ": expected a map \"hosts:\" of host names", "see README, \"Host"
                    + " profiles\"");
        }
        Map<String, HostProfile> profiles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hosts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            profiles.put(e.getKey(), profile(file, e.getKey(), e.getValue(), env));
        }
        return profiles;
    }

    private static HostProfile profile(Path file, String name, JsonNode node, Map<String, String> env) {
        String where = file + ": hosts." + name;
        if (!node.isObject()) {
            throw new UsageException(where + " must be a map of options (endpoint, auth, user, ...)");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.toLowerCase(Locale.ROOT).contains("password") && !key.equals("password-file")) {
                throw new UsageException(where + "." + key + ": a password is never kept in the config file",
                        "name a file readable only by you with password-file:, or set " + PasswordSource.ENV
                                + ", or type it at the prompt");
            }
            if (!KEYS.contains(key)) {
                throw new UsageException(where + ": unknown key " + key, "a host takes " + String.join(", ", KEYS));
            }
        }
        Path dir = file.getParent();
        Boolean https = null;
        if (node.has("https")) {
            if (!node.get("https").isBoolean()) {
                throw new UsageException(where + ".https must be true or false");
            }
            https = node.get("https").asBoolean();
        }
        return new HostProfile(name, text(where, node, "endpoint"), https, text(where, node, "auth"),
                text(where, node, "user"), path(where, node, "ca-file", dir, env),
                path(where, node, "password-file", dir, env), path(where, node, "keytab", dir, env),
                text(where, node, "realm"), text(where, node, "kdc"), text(where, node, "spn"),
                path(where, node, "client-cert", dir, env), path(where, node, "client-key", dir, env));
    }

    private static String text(String where, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new UsageException(where + "." + key + " must be a non-empty text");
        }
        return v.asText();
    }

    private static Path path(String where, JsonNode node, String key, Path dir, Map<String, String> env) {
        String text = text(where, node, key);
        if (text == null) {
            return null;
        }
        String home = env.get("HOME");
        if (text.startsWith("~/") && home != null) {
            return Path.of(home).resolve(text.substring(2));
        }
        return dir.resolve(text);
    }
}
