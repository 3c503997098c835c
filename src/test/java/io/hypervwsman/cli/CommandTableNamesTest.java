package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Main's table of commands names each one as its own {@code @Command} does (the table is written out, not read). */
class CommandTableNamesTest {

    @Test
    void everyNameInTheTableIsTheNameItsCommandAnnotationGives() {
        for (Map.Entry<String, Class<?>> e : Main.commands().entrySet()) {
            Command command = e.getValue().getAnnotation(Command.class);
            assertNotNull(command, e.getValue() + " has no @Command");
            assertEquals(command.name(), e.getKey(), e.getValue().getName());
        }
    }

    @Test
    void noCommandIsListedTwice() {
        assertEquals(Main.commands().size(), Main.commands().values().stream().distinct().count());
    }
}
