package io.nestedge.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * Writes files so that readers see either the old or the new content, never a half-written file:
 * write to a temporary file in the same directory (created with its final permissions, so a key is
 * 0600 from the moment it exists), fsync, then rename over the target and sync the directory.
 * {@link Batch} does the same for many files with one parallel sync instead of one sync per file
 * (ADR 0410).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code bytes}.
     *
     * @param target file to write; its parent directory is created if needed
     * @param bytes the whole new content
     * @param perms POSIX permissions for the new file, or null for the default (ignored where the
     *     file system has no POSIX view)
     * @throws IOException if writing, syncing or renaming fails (the target is then unchanged)
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> perms) throws IOException {
        Path tmp = writeTemp(target, bytes, perms);
        try {
            FileSync.syncFile(tmp);
            move(tmp, target);
            FileSync.syncDirectory(tmp.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}, default permissions. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * Many atomic replacements made durable together: {@link #add} writes each new content to a
     * temporary file beside its target at once (thread-safe, no sync); {@link #commit} syncs all
     * temporary files in parallel, renames each over its target, then syncs the directories. Each
     * file on its own is replaced atomically (a crash leaves it old or new); the batch as a whole is
     * not, so callers write an index that ties the files together last. {@link #close} deletes
     * temporary files a failed batch left.
     */
    public static final class Batch implements AutoCloseable {
        private record Pending(Path tmp, Path target) {
        }

        private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

        /**
         * Writes {@code bytes} to a temporary file beside {@code target} (its parent is created if needed).
         *
         * @param perms POSIX permissions the file has from its creation on, or null for the default
         * @throws IOException if writing fails
         */
        public void add(Path target, byte[] bytes, Set<PosixFilePermission> perms) throws IOException {
            pending.add(new Pending(writeTemp(target, bytes, perms), target));
        }

        /**
         * Syncs every temporary file (on {@code io}), renames each over its target, syncs their directories.
         *
         * @throws IOException if a sync or rename fails; targets renamed so far hold their new content
         */
        public void commit(ExecutorService io) throws IOException {
            List<Pending> all = new ArrayList<>(pending);
            List<Path> tmps = all.stream().map(Pending::tmp).toList();
            FileSync.syncAll(tmps, List.of(), io);
            Set<Path> dirs = new LinkedHashSet<>();
            for (Pending p : all) {
                move(p.tmp(), p.target());
                pending.remove(p);
                dirs.add(p.target().toAbsolutePath().getParent());
            }
            FileSync.syncAll(List.of(), dirs, io);
        }

        /** Deletes the temporary files of anything not committed. */
        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Pending p : pending) {
                try {
                    Files.deleteIfExists(p.tmp());
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            pending.clear();
            if (first != null) {
                throw first;
            }
        }
    }

    private static Path writeTemp(Path target, byte[] bytes, Set<PosixFilePermission> perms) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSync.isPosix(dir);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms != null ? perms : PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
        try {
            if (posix && perms != null && !perms.equals(Files.getPosixFilePermissions(tmp))) {
                Files.setPosixFilePermissions(tmp, perms); // the umask took bits away
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
