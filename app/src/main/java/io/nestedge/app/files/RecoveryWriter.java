package io.nestedge.app.files;

import io.nestedge.model.Plant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes and deletes the recovery file on one background thread, in the order they were asked for.
 * A save that deleted the recovery file on the caller's thread while an autosave was still writing
 * it would see the autosave's rename recreate it afterwards, and the next start would offer to
 * "recover" a plant that had been saved. Here a delete always runs after every write asked for
 * before it. No JavaFX: the caller marshals failures to its own thread.
 */
public final class RecoveryWriter implements AutoCloseable {
    /** What the writer writes to; {@link RecoveryStore} in the app. */
    public interface Target {
        /**
         * Writes the recovery file.
         *
         * @param plant the unsaved plant
         * @param origin its plant file, or null
         * @throws IOException when it cannot be written
         */
        void save(Plant plant, Path origin) throws IOException;

        /** Deletes the recovery file (best effort). */
        void clear();
    }

    private final Target target;
    private final Consumer<IOException> onSaveFailed;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nestedge-autosave");
        t.setDaemon(true);
        return t;
    });

    /**
     * A writer.
     *
     * @param target the recovery store
     * @param onSaveFailed called on the writer's thread when a write fails
     */
    public RecoveryWriter(Target target, Consumer<IOException> onSaveFailed) {
        this.target = target;
        this.onSaveFailed = onSaveFailed;
    }

    /**
     * Queues a write of the recovery file.
     *
     * @param plant the unsaved plant (immutable)
     * @param origin its plant file, or null
     * @return the queued write; completed at once when the writer is closed
     */
    public Future<?> save(Plant plant, Path origin) {
        return submit(() -> {
            try {
                target.save(plant, origin);
            } catch (IOException e) {
                onSaveFailed.accept(e);
            }
        });
    }

    /**
     * Queues a delete of the recovery file, after every write queued before it.
     *
     * @return the queued delete; completed at once when the writer is closed
     */
    public Future<?> clear() {
        return submit(target::clear);
    }

    /**
     * Clean exit: lets a write in progress finish, deletes the recovery file after it, and stops the
     * thread. Waits at most 10 s (a write stuck on a dead disk must not hold the exit).
     */
    @Override
    public void close() {
        Future<?> last = clear();
        io.shutdown();
        try {
            if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!last.isDone()) {
            target.clear();
        }
    }

    private synchronized Future<?> submit(Runnable r) {
        if (io.isShutdown()) {
            return CompletableFuture.completedFuture(null);
        }
        return io.submit(r);
    }
}
