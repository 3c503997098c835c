package io.hypervwsman.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hypervwsman.HyperVWsManException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plan run's journal: JSON Lines appended to a file, each line forced to disk (fsync) before
 * {@link #append} returns. A line cut short by a kill is ignored on reading and cut off before appending.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Path path;
    private final FileChannel channel;
    private final List<JournalRecord> written = new ArrayList<>();
    private final Consumer<JournalRecord> beforeWrite;

    private Journal(Path path, FileChannel channel, List<JournalRecord> earlier, Consumer<JournalRecord> beforeWrite) {
        this.path = path;
        this.channel = channel;
        this.beforeWrite = beforeWrite;
        this.written.addAll(earlier);
    }

    /** The journal next to a plan file: {@code drill.yaml} -> {@code drill.yaml.journal}. */
    public static Path besidePlan(Path planFile) {
        return planFile.resolveSibling(planFile.getFileName() + ".journal");
    }

    /**
     * Opens {@code path} for appending (creating it) and locks it against a second run, keeping its complete records
     * and dropping a cut-off line.
     */
    public static Journal open(Path path) {
        return open(path, r -> { });
    }

    /**
     * As {@link #open(Path)}; {@code beforeWrite} sees each record before it is written and may refuse it by
     * throwing (nothing is written then), e.g. to stop a run at a chosen record as a kill would.
     */
    public static Journal open(Path path, Consumer<JournalRecord> beforeWrite) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            if (!locked(ch)) {
                ch.close();
                throw new PlanException(path + " is in use by another run of this plan; two runs of one journal "
                        + "could invoke a VM twice", 0, 0);
            }
            List<JournalRecord> earlier = read(path);
            ch.truncate(completeLength(path));
            ch.position(ch.size());
            return new Journal(path, ch, earlier, beforeWrite);
        } catch (IOException e) {
            throw new HyperVWsManException("cannot open the plan journal " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean locked(FileChannel ch) throws IOException {
        try {
            return ch.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** The complete records of the journal at {@code path}, in order. */
    public static List<JournalRecord> read(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            List<JournalRecord> records = new ArrayList<>();
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) {
                String line = text.substring(start, nl);
                if (!line.isBlank()) {
                    records.add(JSON.readValue(line, JournalRecord.class));
                }
            }
            return records;
        } catch (IOException e) {
            throw new HyperVWsManException("cannot read the plan journal " + path + ": " + e.getMessage(), e);
        }
    }

    private static long completeLength(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    /** Writes {@code r} and forces it to disk before returning. */
    public synchronized void append(JournalRecord r) {
        beforeWrite.accept(r);
        try {
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
            written.add(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan journal " + path, e);
        }
    }

    /** Every record of this journal, earlier runs' included, in order. */
    public synchronized List<JournalRecord> records() {
        return List.copyOf(written);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the plan journal " + path, e);
        }
    }
}
