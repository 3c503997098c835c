package io.hypervwsman.cli;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A plan command's arguments with the simulated host's password file (plans name the user, never the password). */
final class PlanCliArgs {
    private PlanCliArgs() {
    }

    static String[] with(SimulatedCli cli, String... args) {
        try {
            Path pw = Files.createTempFile("plan-password", "");
            Files.writeString(pw, SimulatedHostFixture.PASSWORD + "\n");
            pw.toFile().deleteOnExit();
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--password-file", pw.toString()));
            return all.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
