package io.nestedge.app.files;

import io.nestedge.model.Plant;
import io.nestedge.model.io.AtomicFiles;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The autosave (crash recovery) file: while a plant has unsaved changes the app writes it here every
 * few seconds (atomically); a clean exit, or saving, deletes it. If it exists at start-up, the last
 * session ended without closing properly and the user is offered to recover it. A sidecar file
 * records which plant file the recovered plant belongs to.
 */
public final class RecoveryStore implements RecoveryWriter.Target {
    private final Path dir;

    /**
     * A recovery store.
     *
     * @param dir directory for {@code recovery.json} and {@code recovery.origin}
     */
    public RecoveryStore(Path dir) {
        this.dir = dir;
    }

    /** The default directory: {@code ~/.nestedge-studio}, or the system property {@code nestedge.recovery.dir}. */
    public static Path defaultDir() {
        String p = System.getProperty("nestedge.recovery.dir");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".nestedge-studio");
    }

    /**
     * A recovered plant.
     *
     * @param plant the plant as autosaved
     * @param origin the file it was opened from, if any
     * @param savedAt when it was autosaved
     */
    public record Recovered(Plant plant, Optional<Path> origin, Instant savedAt) {
    }

    /**
     * Writes the recovery file.
     *
     * @param plant the unsaved plant
     * @param origin its file, or null
     * @throws IOException when it cannot be written
     */
    @Override
    public void save(Plant plant, Path origin) throws IOException {
        AtomicFiles.write(dir.resolve("recovery.origin"),
                (origin == null ? "" : origin.toAbsolutePath().toString()).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("recovery.json"), PlantFile.toBytes(plant));
    }

    /** Deletes the recovery file (clean exit or save). */
    @Override
    public void clear() {
        try {
            Files.deleteIfExists(dir.resolve("recovery.json"));
            Files.deleteIfExists(dir.resolve("recovery.origin"));
        } catch (IOException e) {
            // best effort: a stale recovery file is offered once more and can be discarded then
        }
    }

    /**
     * Reads the recovery file, if the last session left one.
     *
     * @return the recovered plant, or empty when there is none
     * @throws InputException when it exists but cannot be read (the caller shows it and may clear)
     */
    public Optional<Recovered> load() throws InputException {
        Path f = dir.resolve("recovery.json");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Plant p = PlantFile.read(f);
        Optional<Path> origin = Optional.empty();
        Instant at = Instant.now();
        try {
            String o = Files.readString(dir.resolve("recovery.origin"), StandardCharsets.UTF_8).trim();
            origin = o.isEmpty() ? Optional.empty() : Optional.of(Path.of(o));
            at = Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            // origin unknown: recover as an unsaved plant
        }
        return Optional.of(new Recovered(p, origin, at));
    }
}
