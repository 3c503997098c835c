package io.hypervwsman.cli;

import io.hypervwsman.sim.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The simulated-host scenarios shipped in the jar (src/main/resources/scenarios/NAME.json), by name; --scenario
 * takes one of these names or a scenario file. Also picocli's completion candidates for --scenario.
 */
final class BundledScenarios implements Iterable<String> {
    /** Kept in step with src/main/resources/scenarios by BundledScenarioNamesTest. */
    static final List<String> NAMES = List.of("default", "quota-on-invoke", "revert-job-fails", "wrong-state-job",
            "wrong-state-sync");

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }

    static boolean isBundled(String name) {
        return NAMES.contains(name);
    }

    /** The scenario named (a bundled name, else a file), or the default one for null. */
    static Scenario load(String nameOrFile) {
        if (nameOrFile == null) {
            return Scenario.fromResource("default");
        }
        if (isBundled(nameOrFile)) {
            return Scenario.fromResource(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isReadable(file)) {
            throw new UsageException("--scenario " + nameOrFile + " is neither a bundled scenario nor a readable file",
                    "bundled scenarios: " + String.join(", ", NAMES) + "; or give the path of a scenario file");
        }
        return Scenario.load(file);
    }
}
