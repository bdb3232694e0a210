package io.nestedge.model.export;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.FileErrors;
import io.nestedge.model.io.FileSync;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Exports a plant into a directory: per-device files (config.toml, deployment.json, …) and
 * plant-wide files (hub scripts, …), produced by a list of generators (data, so PKI material,
 * install.sh, SHA256SUMS and signatures can be added with {@link #withDeviceGenerator} and
 * {@link #withPlantGenerator}). Everything is written into a hidden staging directory next to the
 * target, synced once at the end and renamed into place ({@link StagedExport}, ADR 0410): a
 * failure or a cancel leaves the target as it was (absent, or the previous export) and no staging
 * directory behind, and a crash leaves either the previous export or the new one, never a mix.
 *
 * <p>Refuses plants with validation errors, and targets that exist but are neither empty nor a
 * previous NestEdge export (marked by {@value #MARKER}). Immutable and thread-safe; one export is
 * driven by the calling thread (progress and cancel polling happen there), per-device work runs on
 * one worker thread per core.
 */
public final class Exporter {
    /** Marker file at the root of every export; its presence allows replacing the directory. */
    public static final String MARKER = ".nestedge-export";
    private final List<ArtifactGenerators.DeviceGenerator> deviceGenerators;
    private final List<ArtifactGenerators.PlantGenerator> plantGenerators;
    private final StagedExport.CommitHook hook;

    private Exporter(List<ArtifactGenerators.DeviceGenerator> d, List<ArtifactGenerators.PlantGenerator> p, StagedExport.CommitHook hook) {
        this.deviceGenerators = List.copyOf(d);
        this.plantGenerators = List.copyOf(p);
        this.hook = hook;
    }

    /**
     * config.toml and deployment.json per IoT Edge device; the hub scripts and the plant as
     * {@code az iot edge devices create} config in {@code hub/}.
     */
    public static Exporter standard() {
        return new Exporter(List.of(ArtifactGenerators.CONFIG_TOML, ArtifactGenerators.DEPLOYMENT),
                List.of(ArtifactGenerators.HUB_SCRIPTS, ArtifactGenerators.AZ_DEVICES_CONFIG), StagedExport.CommitHook.NONE);
    }

    /** A copy that also runs {@code g} for every device, after the existing ones. */
    public Exporter withDeviceGenerator(ArtifactGenerators.DeviceGenerator g) {
        List<ArtifactGenerators.DeviceGenerator> l = new ArrayList<>(deviceGenerators);
        l.add(g);
        return new Exporter(l, plantGenerators, hook);
    }

    /** A copy that also runs {@code g} once, after the existing plant generators. */
    public Exporter withPlantGenerator(ArtifactGenerators.PlantGenerator g) {
        List<ArtifactGenerators.PlantGenerator> l = new ArrayList<>(plantGenerators);
        l.add(g);
        return new Exporter(deviceGenerators, l, hook);
    }

    /** A copy that calls {@code h} at each step of the commit (crash tests). */
    Exporter withCommitHook(StagedExport.CommitHook h) {
        return new Exporter(deviceGenerators, plantGenerators, h);
    }

    /**
     * Exports. Device generators run in parallel across devices on one thread per core (each
     * generator must therefore be thread-safe; it is called once per device); files are listed and
     * written in device order, generator order, whatever order the work finishes in. Plant
     * generators run one after the other on the calling thread. Files go into a staging directory
     * without a per-file fsync; everything is synced at the end, in parallel, and the staging
     * directory is then renamed onto the target ({@link StagedExport}, ADR 0410). What an earlier
     * export left behind after a crash is repaired first (the previous export is put back).
     *
     * @param ctx plant, device layout, secrets
     * @param target the export directory to create or replace
     * @param progress progress listener, called on the calling thread
     * @param cancelled polled on the calling thread between devices and files; when it returns true
     *     (or the thread is interrupted) the export stops
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
        ExecutorService io = FileSync.ioPool();
        try {
            StagedExport.recover(abs, io);
            checkTarget(abs);
            try (StagedExport staged = createStaging(abs, io); Workers cpu = new Workers()) {
                List<ExportArtifact> written = new ArrayList<>(devices(ctx, staged, cpu, progress, cancelled));
                progress.progress(ExportProgress.PLANT, 0, plantGenerators.size());
                for (int i = 0; i < plantGenerators.size(); i++) {
                    checkCancel(cancelled);
                    List<ExportArtifact> more = plantGenerators.get(i).generate(ctx, List.copyOf(written));
                    writeAll(staged, more, cpu, cancelled);
                    written.addAll(more);
                    progress.progress(ExportProgress.PLANT, i + 1, plantGenerators.size());
                }
                checkCancel(cancelled);
                progress.progress(ExportProgress.FINISH, 0, 1);
                staged.write(ExportArtifact.text(MARKER, "NestEdge Studio export of plant '" + ScriptQuoting.comment(plant.name())
                        + "'\n", ExportArtifact.PLAIN));
                cpu.close();
                staged.commit();
                progress.progress(ExportProgress.FINISH, 1, 1);
                return List.copyOf(written);
            }
        } finally {
            io.shutdownNow();
        }
    }

    /** Runs the device generators, one task per device, and writes their files; returns them in device order. */
    private List<ExportArtifact> devices(ExportContext ctx, StagedExport staged, Workers cpu, ExportProgress progress,
            BooleanSupplier cancelled) throws ExportException, IOException {
        List<Device> devices = ctx.plant().devices();
        progress.progress(ExportProgress.DEVICES, 0, devices.size());
        List<Future<List<ExportArtifact>>> tasks = new ArrayList<>(devices.size());
        for (Device d : devices) {
            tasks.add(cpu.pool.submit(() -> {
                List<ExportArtifact> out = new ArrayList<>();
                for (ArtifactGenerators.DeviceGenerator g : deviceGenerators) {
                    cpu.checkStopped();
                    for (ExportArtifact a : g.generate(ctx, d)) {
                        staged.write(a);
                        out.add(a);
                    }
                }
                return out;
            }));
        }
        List<ExportArtifact> written = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            written.addAll(await(tasks.get(i), cpu, cancelled));
            progress.progress(ExportProgress.DEVICES, i + 1, devices.size());
        }
        return written;
    }

    /** Writes files on the worker threads, in chunks; returns when all are written. */
    private static void writeAll(StagedExport staged, List<ExportArtifact> files, Workers cpu, BooleanSupplier cancelled)
            throws ExportException, IOException {
        int chunk = 32;
        List<Future<List<ExportArtifact>>> tasks = new ArrayList<>();
        for (int from = 0; from < files.size(); from += chunk) {
            List<ExportArtifact> part = files.subList(from, Math.min(files.size(), from + chunk));
            tasks.add(cpu.pool.submit(() -> {
                for (ExportArtifact a : part) {
                    cpu.checkStopped();
                    staged.write(a);
                }
                return part;
            }));
        }
        for (Future<List<ExportArtifact>> t : tasks) {
            await(t, cpu, cancelled);
        }
    }

    /** Waits for a task while polling for cancellation on the calling thread; rethrows what the task threw. */
    private static <T> T await(Future<T> task, Workers cpu, BooleanSupplier cancelled) throws ExportException, IOException {
        while (true) {
            checkCancel(cancelled);
            try {
                return task.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("export cancelled");
            } catch (ExecutionException e) {
                cpu.stop();
                Throwable c = e.getCause();
                if (c instanceof ExportException ee) {
                    throw ee;
                }
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IOException(c);
            }
        }
    }

    /**
     * One worker thread per core for one export. Closing it stops queued work and waits until no
     * worker is still writing into the staging directory (which is deleted next on failure).
     */
    private static final class Workers implements AutoCloseable {
        final ExecutorService pool;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Workers() {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "export-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        void stop() {
            stopped.set(true);
        }

        void checkStopped() {
            if (stopped.get()) {
                throw new CancellationException("export stopped");
            }
        }

        @Override
        public void close() {
            stopped.set(true);
            pool.shutdown();
            boolean interrupted = Thread.interrupted();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // a generator is finishing its device; it checks the flag before the next file
                }
            } catch (InterruptedException e) {
                interrupted = true;
                pool.shutdownNow();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (Thread.currentThread().isInterrupted() || (cancelled != null && cancelled.getAsBoolean())) {
            throw new CancellationException("export cancelled");
        }
    }

    /**
     * The staging directory beside the target; a target that cannot be created (a parent is a file, no
     * permission, a read-only file system) is an {@link ExportException} naming it, not a raw I/O error.
     */
    private StagedExport createStaging(Path target, ExecutorService io) throws ExportException {
        try {
            return StagedExport.create(target, io, hook);
        } catch (IOException e) {
            throw new ExportException("", "cannot create the export directory " + target + ": " + FileErrors.reason(e) + ".",
                    "Choose a directory you can write to (its parent folders must be folders, not files).", e);
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

    /** The export's file list as text, one relative path per line (for logs and reports; no content). */
    public static String listing(List<ExportArtifact> files) {
        return files.stream().map(a -> String.format("%s %s", Integer.toOctalString(a.mode()), a.relativePath()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

}
