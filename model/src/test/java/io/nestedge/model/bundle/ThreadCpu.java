package io.nestedge.model.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds this JVM has spent so far, split by thread kind, read from Linux's
 * {@code /proc/self/task/<tid>/stat} (user + system ticks of each live thread, 100 per second):
 * JIT compiler threads ({@code C1/C2 CompilerThread}), garbage-collector threads (G1's
 * {@code GC Thread#n}, {@code G1 …}), and every other thread. Benchmarks print it to tell warm-up
 * cost from the work itself. Threads that ended before a call are not counted (the export's pool
 * threads end with it), so only the first two parts are exact; the caller takes the rest from the
 * process CPU time. Returns zeros where {@code /proc} is missing.
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** {@code {jit, gc, other}} CPU seconds; other = process CPU time minus the first two. */
    static double[] split() {
        double jit = 0;
        double gc = 0;
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
                for (Path t : ds) {
                    String comm;
                    String stat;
                    try {
                        comm = Files.readString(t.resolve("comm")).trim();
                        stat = Files.readString(t.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    // Fields after the ")" closing the name: state is field 3, utime 14, stime 15.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        jit += sec;
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        gc += sec;
                    }
                }
            } catch (IOException e) {
                return new double[3];
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return new double[] {jit, gc, os.getProcessCpuTime() / 1e9 - jit - gc};
    }

    /**
     * CPU seconds (user + system) of this JVM's child processes that have ended and been waited for
     * ({@code cutime + cstime} of {@code /proc/self/stat}); 0 where {@code /proc} is missing. The
     * difference around a run of child processes is their CPU, however loaded the machine is.
     */
    static double children() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the ")" closing the name: state is field 3, cutime 16, cstime 17.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
