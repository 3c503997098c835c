package io.hypervwsman.cli;

import io.hypervwsman.sim.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The simulated labs shipped in the jar (src/main/resources/labs/NAME.yaml), by name; --lab takes one of these names,
 * "bundled" (the two-sites lab) or a lab file. Also picocli's completion candidates for --lab.
 */
final class BundledLabs implements Iterable<String> {
    /** Kept in step with src/main/resources/labs by SimulateLabCliTest. */
    static final List<String> NAMES = List.of("two-sites");
    static final String BUNDLED = "bundled";

    @Override
    public Iterator<String> iterator() {
        return List.of(BUNDLED, NAMES.get(0)).iterator();
    }

    /** The lab named (bundled, a bundled name, else a file). */
    static Lab load(String nameOrFile) {
        if (BUNDLED.equals(nameOrFile)) {
            return Lab.fromResource(NAMES.get(0));
        }
        if (NAMES.contains(nameOrFile)) {
            return Lab.fromResource(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isReadable(file)) {
            throw new UsageException("--lab " + nameOrFile + " is neither a bundled lab nor a readable file",
                    "bundled labs: " + BUNDLED + " (= " + NAMES.get(0) + "); or give the path of a lab file (README, "
                            + "\"Simulated lab\")");
        }
        return Lab.load(file);
    }
}
