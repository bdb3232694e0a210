package io.nestedge.app.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars of the long CLI jobs (export, commission). On a terminal: one bar redrawn in place.
 * On a pipe, a CI log or a file: a plain line at most every {@link #LOG_INTERVAL_MS} ms and only when
 * something moved, so a log holds readable lines instead of one endless line of carriage returns.
 */
final class CliProgress {
    /** Interval of the log lines when stderr is not a terminal, in milliseconds. */
    static final int LOG_INTERVAL_MS = 5_000;

    private CliProgress() {
    }

    /**
     * Starts a progress bar on stderr, drawn in place when the process has a console, as log lines otherwise.
     *
     * @param task the task name shown before the bar ("Export")
     * @param max the number of steps (can be raised later with {@code maxHint})
     * @return the running bar; close it when the job ends
     */
    static ProgressBar start(String task, long max) {
        return start(task, max, System.err, System.console() != null, LOG_INTERVAL_MS);
    }

    /**
     * @param log where log lines go when {@code terminal} is false
     * @param terminal whether to redraw one bar in place
     * @param intervalMs the interval between log lines, in milliseconds
     */
    static ProgressBar start(String task, long max, PrintStream log, boolean terminal, int intervalMs) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setInitialMax(max);
        if (terminal) {
            return b.continuousUpdate().build();
        }
        String[] last = {""};
        return b.setUpdateIntervalMillis(intervalMs).setConsumer(new DelegatingProgressBarConsumer(line -> {
            String l = line.strip();
            if (!l.equals(last[0])) { // the bar repeats its final state when closed
                last[0] = l;
                log.println(l);
            }
        }, 100)).build();
    }
}
