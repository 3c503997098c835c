package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for embedded instances read from a host (GetErrorEx's Errors[] are CIM-XML INSTANCE text): parsing
 * returns an instance or throws a {@link ProtocolException}, nothing else; and what parses writes back to text that
 * parses to the same properties.
 */
class EmbeddedInstanceFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        EmbeddedInstance read;
        try {
            read = EmbeddedInstance.parse(text);
        } catch (ProtocolException expected) {
            return;
        }
        EmbeddedInstance again = EmbeddedInstance.parse(read.toCimXml());
        assertEquals(read.className(), again.className());
        assertEquals(read.properties(), again.properties());
    }
}
