package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema editors use (src/main/resources/plan.schema.json) agrees with the reader: the bundled
 * example plans pass both, and every plan the reader refuses for its shape the schema refuses too.
 */
class PlanSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = PlanSchemaTest.class.getResourceAsStream("/plan.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Stream<Path> examples() throws IOException {
        return files(Path.of("examples/plans"));
    }

    static Stream<Path> badPlans() throws IOException {
        return files(Path.of("src/test/resources/io/hypervwsman/plan/bad"));
    }

    private static Stream<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> yaml = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(yaml.isEmpty(), "no plans in " + dir);
            return yaml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleMatchesTheSchemaAndReads(Path plan) throws IOException {
        Set<ValidationMessage> errors = schema.validate(Files.readString(plan), InputFormat.YAML);
        assertEquals(List.of(), errors.stream().map(ValidationMessage::toString).toList());
        PlanFile.read(plan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlans")
    void badPlanIsRefusedByTheSchemaAndTheReader(Path plan) throws IOException {
        String text = Files.readString(plan);
        assertThrows(PlanException.class, () -> PlanFile.read(plan));
        if (plan.getFileName().toString().equals("bad-indentation.yaml")) {
            // not YAML at all: the validator cannot even read it, which is a refusal too
            assertThrows(RuntimeException.class, () -> assertSchemaRefuses(text));
            return;
        }
        assertSchemaRefuses(text);
    }

    private static void assertSchemaRefuses(String text) {
        assertTrue(!schema.validate(text, InputFormat.YAML).isEmpty(), "the schema accepted:\n" + text);
    }

    @Test
    void readmeNamesTheSchema() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains("src/main/resources/plan.schema.json"));
    }
}
