package io.hypervwsman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.testing.HyperVLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against the hosts of a simulated lab, on the lab's manual clock, and keeps what it printed. */
final class LabCli {
    private final HyperVLab lab;
    private final ManualClock clock;
    private final Path passwordFile;
    private final CapturedCli captured = new CapturedCli();

    LabCli(HyperVLab lab, ManualClock clock, Path dir) {
        this.lab = lab;
        this.clock = clock;
        char[] password = lab.endpoint(lab.hostNames().get(0)).password();
        try {
            this.passwordFile = PrivateFile.write(dir.resolve("lab-password"), new String(password) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Runs a plan command (check, run, ...) with the lab's password file. */
    int plan(String... args) {
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        all.addAll(List.of("--password-file", passwordFile.toString()));
        return run(all.toArray(String[]::new));
    }

    /** Runs a one-VM command on {@code host} of the lab. */
    int onHost(String host, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", lab.endpoint(host).uri().toString(), "--auth", "ntlm", "--user",
                lab.endpoint(host).user(), "--password-file", passwordFile.toString()));
        return run(all.toArray(String[]::new));
    }

    int run(String... args) {
        return captured.run(Map.of(), clock, clock::advance, null, args);
    }

    String out() {
        return captured.out();
    }

    String err() {
        return captured.err();
    }

    JsonNode json() {
        return captured.json();
    }
}
