package io.hypervwsman.cli;

import java.net.URI;
import java.nio.file.Path;

/** The simulated Hyper-V host started in-process for --simulate. */
final class EmbeddedSimulator implements AutoCloseable {
    private EmbeddedSimulator() {
    }

    static EmbeddedSimulator start(Path scenario) {
        throw new UsageException("--simulate is not available in this build yet");
    }

    URI endpoint() {
        throw new IllegalStateException();
    }

    String user() {
        throw new IllegalStateException();
    }

    char[] password() {
        throw new IllegalStateException();
    }

    String hostName() {
        throw new IllegalStateException();
    }

    @Override
    public void close() {
    }
}
