package io.nestedge.model.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Durability helpers for writing many files: fsync of files and directories, run on a pool of I/O
 * threads, and parallel deletion of a tree.
 *
 * <p>Why a pool: one {@code fsync} costs a journal commit (about 1 ms on the build machine's ext4,
 * far more under load), and an export has thousands of files. Concurrent {@code fsync} calls share
 * journal commits, so {@value #IO_THREADS} threads sync 5,000 files about 40× faster than one
 * thread (ADR 0410). The threads wait on the disk, not the CPU, so the pool is wider than the
 * number of cores. Stateless and thread-safe.
 */
public final class FileSync {
    /** Threads of an I/O pool ({@link #ioPool()}). */
    public static final int IO_THREADS = 16;

    private FileSync() {
    }

    /** A fixed pool of {@value #IO_THREADS} daemon threads for blocking file-system calls; the caller shuts it down. */
    public static ExecutorService ioPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "file-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(IO_THREADS, tf);
    }

    /** True when the file system of {@code p} has POSIX permissions (checked once per file system, not per file). */
    public static boolean isPosix(Path p) {
        FileSystem fs = p.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /**
     * Flushes a file's content and metadata to the disk ({@code fsync}).
     *
     * @throws IOException if the file cannot be opened or the flush fails
     */
    public static void syncFile(Path file) throws IOException {
        // Read access is enough for fsync on POSIX systems and works whatever the file's mode; Windows needs write access.
        StandardOpenOption access = isPosix(file) ? StandardOpenOption.READ : StandardOpenOption.WRITE;
        try (FileChannel ch = FileChannel.open(file, access)) {
            ch.force(true);
        }
    }

    /**
     * Flushes a directory's entries to the disk, so that files created or renamed in it survive a
     * crash. A no-op where directories cannot be opened (Windows, in-memory and other non-default
     * file systems), as in Lucene's {@code IOUtils.fsync}.
     *
     * @throws IOException if the flush itself fails
     */
    public static void syncDirectory(Path dir) throws IOException {
        if (!isPosix(dir)) {
            return;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (UnsupportedOperationException | IOException e) {
            return; // this file system cannot open a directory; there is nothing to flush through
        }
        try (ch) {
            ch.force(true);
        }
    }

    /**
     * Runs {@code fsync} on every path on {@code pool} (files and directories) and waits for all.
     *
     * @param files regular files
     * @param dirs directories, synced after all files
     * @throws IOException the first failure (all tasks are still awaited)
     * @throws InterruptedIOException if the calling thread is interrupted while waiting
     */
    public static void syncAll(Collection<Path> files, Collection<Path> dirs, ExecutorService pool) throws IOException {
        List<Future<?>> fs = new ArrayList<>(files.size());
        for (Path f : files) {
            fs.add(pool.submit(() -> {
                syncFile(f);
                return null;
            }));
        }
        awaitAll(fs);
        fs.clear();
        for (Path d : dirs) {
            fs.add(pool.submit(() -> {
                syncDirectory(d);
                return null;
            }));
        }
        awaitAll(fs);
    }

    /**
     * Waits for every future; rethrows the first failure as an {@link IOException} (or the
     * unchecked exception it was) after all have finished, so no task still touches the files.
     *
     * @throws InterruptedIOException if the calling thread is interrupted (remaining tasks are cancelled)
     */
    public static void awaitAll(List<? extends Future<?>> futures) throws IOException {
        Throwable first = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
            } catch (InterruptedException e) {
                for (int j = i; j < futures.size(); j++) {
                    futures.get(j).cancel(false);
                }
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the disk");
            } catch (ExecutionException e) {
                first = first == null ? e.getCause() : first;
            } catch (java.util.concurrent.CancellationException e) {
                first = first == null ? e : first;
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IOException(first.getMessage(), first);
        }
    }

    /**
     * Deletes a directory tree; the files of each directory are deleted by one task on {@code pool}
     * (parallel across directories, which do not contend for each other's locks), then the
     * directories, deepest first. A missing root is not an error.
     *
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path root, ExecutorService pool) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        Map<Path, List<Path>> filesByDir = new java.util.LinkedHashMap<>();
        TreeMap<Integer, List<Path>> dirsByDepth = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    dirsByDepth.computeIfAbsent(p.getNameCount(), k -> new ArrayList<>()).add(p);
                } else {
                    filesByDir.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Future<?>> fs = new ArrayList<>();
        for (List<Path> files : filesByDir.values()) {
            fs.add(pool.submit(() -> {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                return null;
            }));
        }
        awaitAll(fs);
        for (List<Path> level : dirsByDepth.descendingMap().values()) {
            fs.clear();
            for (Path d : level) {
                fs.add(pool.submit(() -> {
                    try {
                        Files.deleteIfExists(d);
                    } catch (NoSuchFileException e) {
                        // gone already
                    }
                    return null;
                }));
            }
            awaitAll(fs);
        }
    }
}
