package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill report renders in a real browser: Debian's headless Chromium loads the file with networking off,
 * its DOM holds every VM's row and timeline bars, and it paints a screenshot. Needs /usr/bin/chromium
 * ({@code apt-get install chromium}, done by .ci/run); fails, never skips, without it.
 */
@Tag("interop")
class DrillReportInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "this interop test needs Debian's chromium: apt-get install chromium");
        PlanFixture f = new PlanFixture(DrillReportTest.PLAN, List.of("db-1", "db-2", "web-1", "web-2"));
        Path report = dir.resolve("drill-report.html");
        Files.writeString(report, DrillReport.html(f.file, f.groups, journalOf(f)), StandardCharsets.UTF_8);

        String dom = chromium("--dump-dom", report.toUri().toString());
        assertEquals(4, count(dom, "<tr class=\"vm\">"), "VM rows in the browser's DOM");
        assertEquals(4, count(dom, "class=\"gantt\""), "timelines");
        assertTrue(dom.contains("web-2 is not in a valid state"), "the host's text of the failed VM");

        Path png = dir.resolve("drill-report.png");
        chromium("--screenshot=" + png, "--window-size=1280,1000", report.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), "a PNG");
        assertTrue(bytes.length > 10_000, "a painted page, not a blank one: " + bytes.length + " bytes");
    }

    private List<JournalRecord> journalOf(PlanFixture f) throws InterruptedException {
        Path journal = dir.resolve("j");
        DrillReportTest.render(f, journal);
        return Journal.read(journal);
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile"))));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(err));
        return Files.readString(out);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
