package io.nestedge.commissioning.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The run journal: one JSON object per line (JSONL), appended and synced to disk as events happen,
 * so a run that dies (laptop asleep, connection lost) can be resumed and reported. Implements
 * {@link RunListener}: pass it (or a composite) to the {@link Commissioner}.
 *
 * <p>Line shapes: {@code {"time","event":"run-started","run","plant","user","host"}},
 * {@code {"time","event":"step-finished","device","step","title","status","summary","output","remarks",
 * "fromJournal"}}, {@code {"time","event":"device-finished","device","status","summary"}},
 * {@code {"time","event":"run-finished","cancelled","elapsedMs"}}.
 * Step summaries and outputs pass through {@link SecretRedaction}: no SAS key reaches the file.
 */
public final class Journal implements RunListener, Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FileChannel channel;
    private final Path file;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens a journal for appending (creates it with mode 0600 where POSIX) and writes a run-started line.
     *
     * @param file the JSONL file
     * @param runId a run identifier
     * @param plantName the plant's name
     * @throws IOException if the file cannot be opened
     */
    public static Journal open(Path file, String runId, String plantName) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!Files.exists(file) && Files.getFileStore(parent).supportsFileAttributeView("posix")) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Journal j = new Journal(file, ch);
        ObjectNode n = j.line("run-started");
        n.put("run", runId);
        n.put("plant", plantName);
        n.put("user", System.getProperty("user.name", ""));
        n.put("host", localHost());
        j.write(n);
        return j;
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    @Override
    public void onEvent(RunEvent event) {
        ObjectNode n;
        if (event instanceof RunEvent.StepFinished f) {
            n = line("step-finished");
            n.put("device", f.deviceId());
            n.put("step", f.stepId());
            n.put("title", f.title());
            n.put("status", f.result().status().name());
            n.put("summary", SecretRedaction.apply(f.result().summary()));
            n.put("output", SecretRedaction.apply(f.result().output()));
            n.set("remarks", MAPPER.valueToTree(f.result().remarks()));
            n.put("fromJournal", f.fromJournal());
        } else if (event instanceof RunEvent.DeviceFinished f) {
            n = line("device-finished");
            n.put("device", f.deviceId());
            n.put("status", f.status().name());
            n.put("summary", f.summary());
        } else if (event instanceof RunEvent.RunFinished f) {
            n = line("run-finished");
            n.put("cancelled", f.report().cancelled());
            n.put("elapsedMs", f.report().elapsed().toMillis());
        } else {
            return;
        }
        write(n);
    }

    private ObjectNode line(String event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("time", java.time.Instant.now().toString());
        n.put("event", event);
        return n;
    }

    private synchronized void write(ObjectNode n) {
        try {
            ByteBuffer buf = ByteBuffer.wrap((MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the run journal " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Reads which steps already succeeded (status OK or WARNING) in a journal, for {@code --resume}.
     * A truncated last line (the run died while writing it) is ignored.
     *
     * @param file the journal
     * @return keys {@code device + "/" + step}
     * @throws IOException if the file cannot be read
     */
    public static Set<String> succeededSteps(Path file) throws IOException {
        Set<String> done = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            while ((s = r.readLine()) != null) {
                JsonNode n;
                try {
                    n = MAPPER.readTree(s);
                } catch (IOException e) {
                    continue;
                }
                if (n != null && "step-finished".equals(n.path("event").asText())) {
                    String status = n.path("status").asText();
                    String key = n.path("device").asText() + "/" + n.path("step").asText();
                    if ("OK".equals(status) || "WARNING".equals(status)) {
                        done.add(key);
                    } else {
                        done.remove(key);
                    }
                }
            }
        }
        return done;
    }
}
