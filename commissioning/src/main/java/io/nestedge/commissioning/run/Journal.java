package io.nestedge.commissioning.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.io.InputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Written through a {@link FileOutputStream} and synced with {@link java.io.FileDescriptor#sync()},
 * never through a {@code FileChannel}: a cancel interrupts the worker threads, and an interrupted
 * thread's channel write closes the channel for good, so the journal (and, before the fix, the GUI)
 * lost every later event including {@code run-finished}.
 *
 * <p>Step summaries and outputs pass through {@link SecretRedaction}: no SAS key reaches the file.
 */
public final class Journal implements RunListener, Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FileOutputStream out;
    private final Path file;

    private Journal(Path file, FileOutputStream out) {
        this.file = file;
        this.out = out;
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
        Journal j = new Journal(file, new FileOutputStream(file.toFile(), true));
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
            out.write((MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the run journal " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Checks that a journal given to {@code --resume} can continue a run of this plant, and reads
     * which steps already succeeded ({@link #succeededSteps}). Resuming from another plant's journal
     * would skip steps that never ran on these devices.
     *
     * @param file the journal
     * @param plantName the name of the plant being commissioned
     * @return keys {@code device + "/" + step}
     * @throws InputException naming the file when it is a folder, unreadable, not UTF-8 JSON lines,
     *     holds no run, or records runs of another plant
     */
    public static Set<String> resumable(Path file, String plantName) throws InputException {
        String fix = "Give the journal this plant's runs wrote (by default <plant>.commissioning.jsonl beside the plant file), "
                + "or start without --resume.";
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "", "is a folder, not a run journal.", fix);
        }
        Set<String> plants = new java.util.LinkedHashSet<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            String s;
            while ((s = r.readLine()) != null) {
                try {
                    JsonNode n = MAPPER.readTree(s);
                    if (n != null && "run-started".equals(n.path("event").asText())) {
                        plants.add(n.path("plant").asText());
                    }
                } catch (IOException e) {
                    // a truncated line (the run died while writing it) is skipped, as by succeededSteps
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file.toString(), "", "is not a run journal (not UTF-8 text: a binary file?).", fix);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read it: " + io.nestedge.model.io.FileErrors.reason(e) + ".", fix);
        }
        if (plants.isEmpty()) {
            throw new InputException(file.toString(), "", "holds no commissioning run (no \"run-started\" line): nothing to resume.", fix);
        }
        if (!plants.contains(plantName)) {
            throw new InputException(file.toString(), "", "records runs of plant '" + String.join("', '", plants) + "', not of '"
                    + plantName + "'.", fix);
        }
        try {
            return succeededSteps(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read it: " + io.nestedge.model.io.FileErrors.reason(e) + ".", fix);
        }
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
