package io.hypervwsman.bench.wsman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reply envelopes for the WS-Man benchmarks, read from the WireMock fixtures in test-fixtures/wsman (shaped
 * like a Windows host's replies), plus a 100-item PullResponse assembled from the fixture's instances.
 */
final class WsManFixtures {
    /** Where test-fixtures/ is; Maven runs the benchmarks from the project directory. */
    private static final Path ROOT = Path.of(System.getProperty("hypervwsman.fixtures", "test-fixtures"), "wsman");

    private static final String ITEMS_START = "<n:Items>";
    private static final String ITEMS_END = "</n:Items>";
    private static final String CONTEXT_START = "<n:EnumerationContext>";
    private static final String CONTEXT_END = "</n:EnumerationContext>";

    private WsManFixtures() {
    }

    /** GetResponse for Msvm_ComputerSystem {@code web-frontend-01}: 50 properties, nils, arrays, datetimes. */
    static String getComputerSystem() {
        return read("get-computersystem", "get-computersystem-response.xml");
    }

    /** RevertFailover_OUTPUT: a Job reference and ReturnValue 4096. */
    static String invokeRevertFailover() {
        return read("invoke-revert", "invoke-revert-01-revertfailover-response.xml");
    }

    /** EnumerateResponse carrying only an enumeration context (non-optimized enumeration). */
    static String enumerateContextOnly() {
        return read("enumerate-pull", "enumerate-pull-01-enumerate-response.xml");
    }

    /**
     * The last PullResponse of an enumeration holding {@code items} Msvm_ComputerSystem instances: the
     * fixture's two instances repeated, no context, and n:EndOfSequence.
     */
    static String finalPullResponse(int items) {
        String pull = read("enumerate-pull", "enumerate-pull-02-pull-1-response.xml");
        int itemsStart = pull.indexOf(ITEMS_START) + ITEMS_START.length();
        int itemsEnd = pull.indexOf(ITEMS_END);
        String two = pull.substring(itemsStart, itemsEnd);
        String instanceEnd = "</p:Msvm_ComputerSystem>";
        int firstEnd = two.indexOf(instanceEnd) + instanceEnd.length();
        String[] instances = {two.substring(0, firstEnd), two.substring(firstEnd)};

        StringBuilder body = new StringBuilder(pull.length() * items / 2);
        for (int i = 0; i < items; i++) {
            body.append(instances[i % 2]);
        }
        int contextStart = pull.indexOf(CONTEXT_START);
        int contextEnd = pull.indexOf(CONTEXT_END) + CONTEXT_END.length();
        return pull.substring(0, contextStart) + pull.substring(contextEnd, itemsStart) + body
                + ITEMS_END + "<n:EndOfSequence/>" + pull.substring(itemsEnd + ITEMS_END.length());
    }

    private static String read(String fixtureCase, String file) {
        Path path = ROOT.resolve(fixtureCase).resolve("__files").resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture not found (run from the project directory or set"
                    + " -Dhypervwsman.fixtures): " + path.toAbsolutePath(), e);
        }
    }
}
