package io.nestedge.app.commission;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The export wizard's one export at a time, toolkit-free. An export runs on its own thread; Cancel
 * only asks it to stop (it notices between files and removes what it started), so the run stays
 * {@link State#CANCELLING} until that thread has really ended. Only then can the next export start:
 * two exports never write into the same output folder at once.
 *
 * <p>State changes are published through the executor given (the FX thread's
 * {@code Platform::runLater} in the wizard), so UI bindings see them on their own thread.
 */
public final class ExportRun {
    /** Where the run is. */
    public enum State {
        /** No export thread: Export may start one. */
        IDLE,
        /** An export thread is working. */
        RUNNING,
        /** Cancel was pressed; the export thread has not ended yet. */
        CANCELLING
    }

    private final Executor publish;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final Object lock = new Object();
    /** The export thread, or null; the real state (the property follows it through {@link #publish}). */
    private Thread thread;
    private volatile boolean cancelRequested;

    /**
     * @param publish runs state changes on the thread that reads {@link #stateProperty()} (the FX
     *     thread: {@code Platform::runLater}); {@code Runnable::run} publishes on the calling thread
     */
    public ExportRun(Executor publish) {
        this.publish = Objects.requireNonNull(publish, "publish");
    }

    /**
     * Starts {@code export} on a new daemon thread named {@code nestedge-export}, unless an export
     * thread (running or being cancelled) has not ended yet.
     *
     * @param export the export; it should poll {@link #isCancelRequested()} between steps
     * @return true when started, false when refused because the previous export's thread is still alive
     */
    public boolean start(Runnable export) {
        Objects.requireNonNull(export, "export");
        synchronized (lock) {
            if (thread != null) {
                return false;
            }
            cancelRequested = false;
            Thread t = new Thread(() -> {
                try {
                    export.run();
                } finally {
                    synchronized (lock) { // publish under the lock: a start() after this is published after it
                        thread = null;
                        publish.execute(() -> state.set(State.IDLE));
                    }
                }
            }, "nestedge-export");
            t.setDaemon(true);
            thread = t;
            publish.execute(() -> state.set(State.RUNNING));
            t.start();
            return true;
        }
    }

    /**
     * Asks the running export to stop; the state becomes {@link State#CANCELLING} until its thread
     * has ended. Does nothing when no export runs.
     *
     * @return true when an export was running and is now asked to stop
     */
    public boolean cancel() {
        synchronized (lock) {
            if (thread == null || cancelRequested) {
                return false;
            }
            cancelRequested = true;
            publish.execute(() -> {
                if (state.get() == State.RUNNING) {
                    state.set(State.CANCELLING);
                }
            });
            return true;
        }
    }

    /** True when Cancel was pressed during the current export (the export polls this between files). */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** True while an export thread is alive (running or being cancelled), read on any thread. */
    public boolean isAlive() {
        synchronized (lock) {
            return thread != null;
        }
    }

    /** Waits for the export thread, if any, to end (for tests and shutdown). */
    public void join(long millis) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = thread;
        }
        if (t != null) {
            t.join(millis);
        }
    }

    /** The state, as published (see the constructor). */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True unless the state is {@link State#IDLE}: bind the Export button's disable property to it. */
    public BooleanBinding busy() {
        return state.isNotEqualTo(State.IDLE);
    }

    /** The Export button's text: "Export", "Exporting…" or "Cancelling…". */
    public StringBinding buttonText() {
        return Bindings.createStringBinding(() -> switch (state.get()) {
            case IDLE -> "Export";
            case RUNNING -> "Exporting…";
            case CANCELLING -> "Cancelling…";
        }, state);
    }
}
