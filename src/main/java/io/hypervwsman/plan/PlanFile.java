package io.hypervwsman.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plan file read and checked: the {@link Plan}, the text it came from (for the drill report) and its SHA-256
 * (for the journal, so that a resume notices an edited plan). Errors name the file, line and column.
 */
public record PlanFile(String source, Plan plan, String text, String sha256) {

    /** Larger plan files are refused before parsing (a site of a few thousand VMs fits in far less). */
    public static final int MAX_BYTES = 1 << 20;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final YAMLMapper MAPPER = mapper();
    private static final Set<String> STEP_KEYS = Set.of("run", "check", "manual");
    private static final String STEP_KINDS = "a step is exactly one of 'run', 'check' or 'manual' "
            + "(with an optional 'timeout')";

    /** Reads the plan at {@code path}. */
    public static PlanFile read(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new PlanException("cannot read plan " + path + ": " + e.getMessage(), 0, 0);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PlanException(path + ": larger than " + MAX_BYTES + " bytes, not a plan", 0, 0);
        }
        return parse(path.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads a plan from {@code text}; {@code source} names it in messages. */
    public static PlanFile parse(String source, String text) {
        Plan plan;
        try {
            plan = MAPPER.readValue(text, Plan.class);
        } catch (JsonProcessingException e) {
            throw translate(source, text, e);
        }
        if (plan == null) {
            throw new PlanException(source + ": empty plan", 0, 0);
        }
        List<String> problems = plan.inconsistencies();
        if (!problems.isEmpty()) {
            throw new PlanException(source + ": " + String.join("; ", problems), 0, 0);
        }
        return new PlanFile(source, plan, text, sha256(text));
    }

    private static PlanException translate(String source, String text, JsonProcessingException e) {
        JsonLocation at = e instanceof JsonMappingException m ? locate(text, m).orElse(e.getLocation()) : e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String where = source + (line > 0 ? ":" + line + ":" + column : "") + ": ";
        String path = e instanceof JsonMappingException m ? path(m) : "";
        return new PlanException(where + path + explain(e), line, column);
    }

    private static String explain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String key = u.getPropertyName();
            if (Step.class.isAssignableFrom(u.getReferringClass()) && STEP_KEYS.contains(key)) {
                return STEP_KINDS;
            }
            if (key.toLowerCase(Locale.ROOT).contains("password") || key.toLowerCase(Locale.ROOT).contains("secret")) {
                return "'" + key + "' is refused: a plan never holds passwords (a host profile or the prompt "
                        + "supplies them)";
            }
            return "unknown key '" + key + "' (known here: " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidTypeIdException) {
            return STEP_KINDS;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException m && m.getMessage().contains("Missing required creator property")) {
            return "missing key '" + m.getMessage().replaceAll("(?s).*property '([^']*)'.*", "$1") + "'";
        }
        return e.getOriginalMessage();
    }

    /**
     * Where the key or item the exception's path names starts: Jackson reports where its parser had read to
     * (often the next line, or nowhere for keys it buffered), not the line the operator has to change.
     */
    private static Optional<JsonLocation> locate(String text, JsonMappingException m) {
        if (m.getPath().isEmpty()) {
            return Optional.empty();
        }
        JsonPointer target = JsonPointer.empty();
        for (JsonMappingException.Reference r : m.getPath()) {
            target = r.getIndex() >= 0 ? target.appendIndex(r.getIndex()) : target.appendProperty(r.getFieldName());
        }
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME || p.getParsingContext().inArray()) {
                    if (p.getParsingContext().pathAsPointer().equals(target)) {
                        return Optional.of(p.currentTokenLocation());
                    }
                }
            }
        } catch (IOException ignored) {
            // the text did parse once; if it does not now, the exception's own location stands
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return p.length() == 0 ? "" : p + ": ";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Reads a plan duration: one number and unit, 500ms, 90s, 10m or 2h. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 90s, 10m, 2h)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be a positive duration");
        }
        return d;
    }

    private static YAMLMapper mapper() {
        SimpleModule durations = new SimpleModule("plan-durations");
        durations.addDeserializer(Duration.class, new StdScalarDeserializer<>(Duration.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return duration(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw MismatchedInputException.from(p, Duration.class, e.getMessage());
                }
            }
        });
        return YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(durations)
                .build();
    }
}
