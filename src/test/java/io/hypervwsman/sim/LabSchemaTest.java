package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema for lab files (src/main/resources/lab.schema.json) agrees with the reader on good and bad labs. */
class LabSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = LabSchemaTest.class.getResourceAsStream("/lab.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/labs/two-sites.yaml", "src/test/resources/labs/small-two-sites.yaml"})
    void aLabMatchesTheSchemaAndReads(String file) throws IOException {
        List<String> errors = schema.validate(Files.readString(Path.of(file)), InputFormat.YAML).stream()
                .map(ValidationMessage::toString).toList();
        assertEquals(List.of(), errors);
        Lab.load(Path.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vms: [{ name: x }]", "vm: []", "replicationInterval: 60",
            "vms: [{ name: x, primary: H1, power: on }]", "vms: [{ name: x, primary: H1, id: not-a-guid }]",
            "vms: [{ name: x, primary: H1, recoveryPoints: 25 }]"})
    void aLabOfTheWrongShapeIsRefusedByBoth(String yaml) {
        String lab = "sites: [{ name: a, hosts: [H1] }]\n" + yaml + "\n";
        assertFalse(schema.validate(lab, InputFormat.YAML).isEmpty(), yaml);
        assertThrows(ConfigurationException.class, () -> Lab.parse(lab), yaml);
    }
}
