package io.nestedge.app.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Helpers for the screenshot and benchmark mains: run on the FX thread and wait, let frames settle, save a PNG. */
final class FxHarness {
    private FxHarness() {
    }

    /** Runs {@code r} on the FX thread and waits up to 30 s; rethrows what it threw. */
    static void run(Runnable r) throws Exception {
        run(r, Duration.ofSeconds(30));
    }

    /** Runs {@code r} on the FX thread and waits up to {@code timeout}; rethrows what it threw. */
    static void run(Runnable r, Duration timeout) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] err = new Throwable[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                err[0] = t;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("FX thread did not respond within " + timeout.toSeconds() + " s");
        }
        if (err[0] != null) {
            throw new IllegalStateException(err[0]);
        }
    }

    /** Lets about a second of pulses run (layout, CSS, first frames). */
    static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            run(() -> { });
            Thread.sleep(100);
        }
    }

    /** Saves the window's scene as a PNG. */
    static void shot(MainWindow w, Path file) throws Exception {
        run(() -> {
            try {
                io.nestedge.app.ui.CanvasExport.png(w.scene().getRoot(), file);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
