package io.hypervwsman.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The end-to-end results as Markdown: printed as they come, written to target/e2e-result.md, and put into
 * BENCHMARKS.md between the markers {@code <!-- e2e:begin -->} and {@code <!-- e2e:end -->}.
 */
final class Report {
    static final String BEGIN = "<!-- e2e:begin -->";
    static final String END = "<!-- e2e:end -->";
    private final StringBuilder text = new StringBuilder();

    void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        text.append(s).append('\n');
        System.out.println(s);
        System.out.flush();
    }

    void heading(String title) {
        line("");
        line("### " + title);
        line("");
    }

    void table(String... columns) {
        row((Object[]) columns);
        StringJoiner j = new StringJoiner(" | ", "| ", " |");
        for (int i = 0; i < columns.length; i++) {
            j.add("---");
        }
        line(j.toString());
    }

    void row(Object... cells) {
        StringJoiner j = new StringJoiner(" | ", "| ", " |");
        for (Object c : cells) {
            j.add(String.valueOf(c));
        }
        line(j.toString());
    }

    String text() {
        return text.toString();
    }

    void write(Path result, Path benchmarks) throws IOException {
        Files.createDirectories(result.getParent());
        Files.writeString(result, text, StandardCharsets.UTF_8);
        if (benchmarks == null) {
            return;
        }
        String doc = Files.exists(benchmarks) ? Files.readString(benchmarks, StandardCharsets.UTF_8) : "";
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        String section = BEGIN + "\n" + text + END;
        String updated = b >= 0 && e > b ? doc.substring(0, b) + section + doc.substring(e + END.length())
                : doc + "\n" + section + "\n";
        Files.writeString(benchmarks, updated, StandardCharsets.UTF_8);
    }
}
