package io.hypervwsman.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this project ({@code mvn -B -Pbench verify}) and writes the results as
 * JSON and as a text table under {@code target/}. Forks, warm-up and measurement come from the
 * benchmark classes' annotations; JMH command-line options given as arguments override them.
 */
public final class BenchmarkMain {
    private static final Path JSON = Path.of("target", "jmh-result.json");
    private static final Path TEXT = Path.of("target", "jmh-result.txt");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            options.include("io\\.hypervwsman\\.bench\\..*");
        }
        if (!commandLine.getResult().hasValue()) {
            Files.createDirectories(JSON.getParent());
            options.result(JSON.toString()).resultFormat(ResultFormatType.JSON);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        try (PrintStream text = new PrintStream(Files.newOutputStream(TEXT), true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.TEXT, text).writeOut(results);
        }
    }
}
