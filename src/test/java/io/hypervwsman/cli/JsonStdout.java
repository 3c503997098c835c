package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What --output json promises: stdout is exactly one JSON object, nothing before or after it. */
final class JsonStdout {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonStdout() {
    }

    static JsonNode parse(String out, String err) {
        try (JsonParser parser = JSON.createParser(out)) {
            JsonNode node = JSON.readTree(parser);
            assertTrue(node != null && node.isObject(), () -> "stdout is one JSON object: " + out + "\nstderr: " + err);
            assertEquals(null, parser.nextToken(), () -> "nothing after the object: " + out);
            assertEquals(out.strip(), out.strip().lines().findFirst().orElse(""), () -> "one line: " + out);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }
}
