package io.nestedge.model.export;

import io.nestedge.model.io.FileSync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One export being built: a hidden staging directory beside the target
 * ({@code .<name>.export-<pid>-<random>}, 0700), files written into it without a per-file
 * {@code fsync} (each file's sync is queued on an I/O pool as soon as it is written), and a commit
 * that waits for every sync, syncs the directories, then renames the staging directory onto the
 * target (ADR 0410).
 *
 * <p>Crash safety: the staging directory is only renamed once everything in it is on the disk, so
 * after a crash the target is either the previous export or the complete new one. Replacing an
 * existing export takes two renames (target → {@code <staging>.old}, staging → target); a crash
 * between them leaves no target, and {@link #recover} (run at the start of every export) renames the
 * previous export back and deletes what crashed exports left behind. Files holding secrets are
 * created 0600 and never wider. {@link #write} is thread-safe; {@link #commit} and {@link #close}
 * are called by the owning thread.
 */
final class StagedExport implements AutoCloseable {
    /** Suffix of a previous export swapped out during a commit. */
    static final String OLD_SUFFIX = ".old";
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Called at each step of a commit (crash tests stop the JVM there). */
    interface CommitHook {
        /** No hook. */
        CommitHook NONE = step -> { };

        /** @param step {@code synced}, {@code swapped-out} (target renamed aside) or {@code swapped-in} */
        void reached(String step) throws IOException;
    }

    private final Path target;
    private final Path staging;
    private final ExecutorService io;
    private final boolean posix;
    private final CommitHook hook;
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Set<Path> dirs = ConcurrentHashMap.newKeySet();
    private final Queue<Path> files = new ConcurrentLinkedQueue<>();
    private final Queue<Future<?>> syncs = new ConcurrentLinkedQueue<>();
    private boolean committed;
    private volatile boolean aborted;

    private StagedExport(Path target, Path staging, ExecutorService io, boolean posix, CommitHook hook) {
        this.target = target;
        this.staging = staging;
        this.io = io;
        this.posix = posix;
        this.hook = hook;
    }

    /**
     * Creates the staging directory (0700) beside {@code target}.
     *
     * @param target absolute, normalised export directory
     * @param io pool for syncs and deletion
     */
    static StagedExport create(Path target, ExecutorService io, CommitHook hook) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        boolean posix = FileSync.isPosix(parent);
        String name = prefix(target) + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        Path staging = parent.resolve(name);
        if (posix) {
            Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(staging);
        }
        ACTIVE.add(staging);
        StagedExport s = new StagedExport(target, staging, io, posix, hook);
        s.dirs.add(staging);
        return s;
    }

    /** The staging directory. */
    Path staging() {
        return staging;
    }

    /**
     * Writes one file into the staging directory: created at its mode masked to 0600 (a secret is
     * never readable by others, not even while it is written), then given its mode; its {@code
     * fsync} is queued. Thread-safe.
     *
     * @throws FileAlreadyExistsException if another artifact already took the path
     * @throws IOException if writing fails or the path leaves the export
     */
    void write(ExportArtifact a) throws IOException {
        if (!paths.add(a.relativePath())) {
            throw new FileAlreadyExistsException(a.relativePath(), null, "two generators produced the same file");
        }
        Path file = staging.resolve(a.relativePath()).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to write outside the export: " + a.relativePath());
        }
        Path dir = file.getParent();
        if (!dirs.contains(dir)) {
            Files.createDirectories(dir);
            for (Path d = dir; d.startsWith(staging) && dirs.add(d); d = d.getParent()) {
                // remember every new directory once, for the directory syncs of the commit
            }
        }
        Set<StandardOpenOption> open = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Exporter.perms(ExportArtifact.SECRET & a.mode()))}
                : new FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(file, open, attrs)) {
            ByteBuffer buf = ByteBuffer.wrap(a.content());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        if (posix && a.mode() != ExportArtifact.SECRET) {
            Files.setPosixFilePermissions(file, Exporter.perms(a.mode()));
        }
        files.add(file);
        syncs.add(io.submit(() -> {
            if (!aborted) {
                FileSync.syncFile(file);
            }
            return null;
        }));
    }

    /**
     * Makes the staged export durable and puts it in place: waits for every file's sync, syncs every
     * directory, renames an existing target aside, renames the staging directory onto the target,
     * syncs the parent directory, then deletes the previous export.
     *
     * @throws IOException if a sync or rename fails; the previous export is then in place again
     */
    void commit() throws IOException {
        FileSync.awaitAll(new ArrayList<>(syncs));
        List<Path> ds = new ArrayList<>(dirs);
        ds.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        FileSync.syncAll(List.of(), ds, io);
        hook.reached("synced");
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target)) {
            old = staging.resolveSibling(staging.getFileName() + OLD_SUFFIX);
            move(target, old);
        }
        try {
            if (old != null) {
                hook.reached("swapped-out");
            }
            move(staging, target);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                move(old, target); // put the previous export back
            }
            throw e;
        }
        committed = true;
        FileSync.syncDirectory(parent);
        hook.reached("swapped-in");
        if (old != null) {
            FileSync.deleteTree(old, io);
        }
        ACTIVE.remove(staging);
    }

    /** Deletes the staging directory unless the export was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        aborted = true; // queued syncs return at once; running ones finish before their files are deleted
        boolean interrupted = Thread.interrupted();
        try {
            try {
                FileSync.awaitAll(new ArrayList<>(syncs));
            } catch (IOException | RuntimeException e) {
                // the export failed already; its staged files are being deleted
            }
            FileSync.deleteTree(staging, io);
        } finally {
            ACTIVE.remove(staging);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Repairs what a crashed export left beside {@code target}: when the target is missing but a
     * previous export was renamed aside (a crash between the two renames of a commit), renames it
     * back; then deletes staging directories and swapped-out exports of processes that no longer
     * run. Directories of exports still running (in this or another process) are left alone.
     *
     * @param target the export directory
     * @return true if a previous export was put back
     * @throws IOException if renaming or deleting fails
     */
    static boolean recover(Path target, ExecutorService io) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        List<Path> stale = new ArrayList<>();
        String prefix = prefix(abs);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit) || !Files.isDirectory(p)) {
                    continue; // not ours
                }
                long pid = Long.parseLong(rest.substring(0, dash));
                Path stagingOf = rest.endsWith(OLD_SUFFIX)
                        ? p.resolveSibling(p.getFileName().toString().substring(0, p.getFileName().toString().length() - OLD_SUFFIX.length()))
                        : p;
                boolean running = pid == ProcessHandle.current().pid() ? ACTIVE.contains(stagingOf)
                        : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running) {
                    stale.add(p);
                }
            }
        }
        boolean restored = false;
        if (!Files.exists(abs)) {
            Path newest = null;
            for (Path p : stale) {
                if (p.getFileName().toString().endsWith(OLD_SUFFIX) && Files.exists(p.resolve(Exporter.MARKER))
                        && (newest == null || modified(p).compareTo(modified(newest)) > 0)) {
                    newest = p;
                }
            }
            if (newest != null) {
                move(newest, abs);
                FileSync.syncDirectory(parent);
                stale.remove(newest);
                restored = true;
            }
        }
        for (Path p : stale) {
            FileSync.deleteTree(p, io);
        }
        return restored;
    }

    private static FileTime modified(Path p) throws IOException {
        return Files.getLastModifiedTime(p);
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".export-";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
