package io.nestedge.app.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Helpers for the screenshot and benchmark mains (run on the FX thread and wait, build a designer
 * window, let frames settle, save a PNG) and for the GUI tests (find a dialog button).
 */
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

    /** Starts the JavaFX toolkit (once per JVM) and waits until it runs. */
    static void startFx() throws InterruptedException {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /**
     * Builds a designer window on the FX thread with fresh preferences: the node {@code prefsNode} is
     * cleared, then sized {@code width} × {@code height} (pixels) and given {@code more} settings. Not shown.
     *
     * @param recoveryDir where its autosave goes
     * @return the window
     * @throws Exception what building it threw
     */
    static MainWindow newWindow(String prefsNode, double width, double height, Path recoveryDir,
            java.util.function.Consumer<java.util.prefs.Preferences> more) throws Exception {
        MainWindow[] w = new MainWindow[1];
        run(() -> {
            java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node(prefsNode);
            try {
                prefs.clear();
            } catch (java.util.prefs.BackingStoreException e) {
                throw new IllegalStateException(e);
            }
            prefs.putDouble("window.w", width);
            prefs.putDouble("window.h", height);
            more.accept(prefs);
            w[0] = new MainWindow(new javafx.stage.Stage(), new io.nestedge.app.editor.DesignerModel(), prefs,
                    new io.nestedge.app.files.RecoveryStore(recoveryDir));
        });
        return w[0];
    }

    /** The button labelled {@code text} in an open dialog, or null when none is shown. */
    static javafx.scene.control.Button dialogButton(org.testfx.api.FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").<javafx.scene.control.Button>queryAll().stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElse(null);
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
