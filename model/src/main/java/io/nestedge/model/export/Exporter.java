package io.nestedge.model.export;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Exports a plant into a directory: per-device files (config.toml, deployment.json, …) and
 * plant-wide files (hub scripts, …), produced by a list of generators (data, so PKI material,
 * install.sh, SHA256SUMS and signatures can be added with {@link #withDeviceGenerator} and
 * {@link #withPlantGenerator}). Everything is written into a hidden staging directory next to the
 * target and renamed into place at the end: a failure or a cancel leaves the target as it was
 * (absent, or the previous export) and no staging directory behind.
 *
 * <p>Refuses plants with validation errors, and targets that exist but are neither empty nor a
 * previous NestEdge export (marked by {@value #MARKER}). Immutable and thread-safe; one export runs
 * on the calling thread.
 */
public final class Exporter {
    /** Marker file at the root of every export; its presence allows replacing the directory. */
    public static final String MARKER = ".nestedge-export";
    private final List<ArtifactGenerators.DeviceGenerator> deviceGenerators;
    private final List<ArtifactGenerators.PlantGenerator> plantGenerators;

    private Exporter(List<ArtifactGenerators.DeviceGenerator> d, List<ArtifactGenerators.PlantGenerator> p) {
        this.deviceGenerators = List.copyOf(d);
        this.plantGenerators = List.copyOf(p);
    }

    /** config.toml and deployment.json per IoT Edge device, and the hub scripts. */
    public static Exporter standard() {
        return new Exporter(List.of(ArtifactGenerators.CONFIG_TOML, ArtifactGenerators.DEPLOYMENT),
                List.of(ArtifactGenerators.HUB_SCRIPTS));
    }

    /** A copy that also runs {@code g} for every device, after the existing ones. */
    public Exporter withDeviceGenerator(ArtifactGenerators.DeviceGenerator g) {
        List<ArtifactGenerators.DeviceGenerator> l = new ArrayList<>(deviceGenerators);
        l.add(g);
        return new Exporter(l, plantGenerators);
    }

    /** A copy that also runs {@code g} once, after the existing plant generators. */
    public Exporter withPlantGenerator(ArtifactGenerators.PlantGenerator g) {
        List<ArtifactGenerators.PlantGenerator> l = new ArrayList<>(plantGenerators);
        l.add(g);
        return new Exporter(deviceGenerators, l);
    }

    /**
     * Exports.
     *
     * @param ctx plant, device layout, secrets
     * @param target the export directory to create or replace
     * @param progress progress listener
     * @param cancelled polled between files; when it returns true (or the thread is interrupted) the
     *     export stops
     * @return every file written, in order
     * @throws ExportException for validation errors, missing secrets, bad modules, an unsuitable target
     * @throws IOException if writing fails
     * @throws CancellationException when cancelled; nothing is left behind
     */
    public List<ExportArtifact> export(ExportContext ctx, Path target, ExportProgress progress, BooleanSupplier cancelled)
            throws ExportException, IOException {
        Plant plant = ctx.plant();
        List<Finding> errors = Validator.validate(plant).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new ExportException("", "the plant has " + errors.size() + " validation error(s), e.g. "
                    + errors.stream().limit(3).map(Finding::toLine).collect(Collectors.joining("; ")) + ".",
                    "Fix the errors the validator lists, then export again.");
        }
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs);
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".export-");
        List<ExportArtifact> written = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        boolean done = false;
        try {
            List<Device> devices = plant.devices();
            progress.progress(ExportProgress.DEVICES, 0, devices.size());
            for (int i = 0; i < devices.size(); i++) {
                for (ArtifactGenerators.DeviceGenerator g : deviceGenerators) {
                    checkCancel(cancelled);
                    for (ExportArtifact a : g.generate(ctx, devices.get(i))) {
                        write(staging, a, paths);
                        written.add(a);
                    }
                }
                progress.progress(ExportProgress.DEVICES, i + 1, devices.size());
            }
            progress.progress(ExportProgress.PLANT, 0, plantGenerators.size());
            for (int i = 0; i < plantGenerators.size(); i++) {
                checkCancel(cancelled);
                for (ExportArtifact a : plantGenerators.get(i).generate(ctx, List.copyOf(written))) {
                    write(staging, a, paths);
                    written.add(a);
                }
                progress.progress(ExportProgress.PLANT, i + 1, plantGenerators.size());
            }
            checkCancel(cancelled);
            progress.progress(ExportProgress.FINISH, 0, 1);
            write(staging, ExportArtifact.text(MARKER, "NestEdge Studio export of plant '" + ScriptQuoting.comment(plant.name())
                    + "'\n", ExportArtifact.PLAIN), paths);
            moveIntoPlace(staging, abs);
            done = true;
            progress.progress(ExportProgress.FINISH, 1, 1);
            return List.copyOf(written);
        } finally {
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (Thread.currentThread().isInterrupted() || (cancelled != null && cancelled.getAsBoolean())) {
            throw new CancellationException("export cancelled");
        }
    }

    private static void checkTarget(Path target) throws ExportException, IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ExportException("", "the export target " + target + " is a file.", "Choose a directory.");
        }
        if (Files.exists(target.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
            if (ds.iterator().hasNext()) {
                throw new ExportException("", "the export target " + target + " is not empty and is not a NestEdge export.",
                        "Choose an empty or new directory; NestEdge only replaces its own exports.");
            }
        }
    }

    private static void write(Path root, ExportArtifact a, Set<String> paths) throws IOException {
        if (!paths.add(a.relativePath())) {
            throw new FileAlreadyExistsException(a.relativePath(), null, "two generators produced the same file");
        }
        Path file = root.resolve(a.relativePath()).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("refusing to write outside the export: " + a.relativePath());
        }
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(file, perms(ExportArtifact.SECRET & a.mode())); // never wider than 0600 while writing
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(a.content());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, perms(a.mode()));
        }
    }

    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    /** Renames the staging directory onto the target; an existing target is swapped out and deleted. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path old = staging.resolveSibling(staging.getFileName() + ".old");
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(old, target); // put the previous export back
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The export's file list as text, one relative path per line (for logs and reports; no content). */
    public static String listing(List<ExportArtifact> files) {
        return files.stream().map(a -> String.format("%s %s", Integer.toOctalString(a.mode()), a.relativePath()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

}
