package io.nestedge.app.ui;

import static io.nestedge.app.ui.FxHarness.run;
import static io.nestedge.app.ui.FxHarness.settle;
import static io.nestedge.app.ui.FxHarness.shot;

import io.nestedge.app.commission.CommissioningModel;
import io.nestedge.app.commission.DeviceRunStatus;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;

/**
 * Screenshot harness (a main, not a test): rehearses a plant in the real window with one device
 * broken on the virtual plant ({@code /var/aziot} not traversable on {@code line1-edge}) and writes
 * {@code commissioning-running.png}, {@code commissioning-finished.png} (the broken device's
 * diagnosis), {@code commissioning-check.png} (the top gateway's iotedge check table) and
 * {@code commissioning-report.png} (page 1 of the PDF report the Report button writes, rendered by
 * {@code pdftoppm} from poppler-utils). Run under Xvfb with {@code -Dprism.order=sw} (see
 * app/src/test/screenshots.sh and docs/commissioning-ui.md).
 *
 * <p>Arguments: {@code <plant.json> <output dir>}.
 */
public final class CommissioningScreenshots {
    private CommissioningScreenshots() {
    }

    /**
     * Takes the screenshots.
     *
     * @param args plant file, output directory
     * @throws Exception when the window, the run or the files fail
     */
    public static void main(String[] args) throws Exception {
        Path plant = Path.of(args.length > 0 ? args[0] : "examples/sample-plant.json");
        Path out = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("nestedge-shots");
        Path copy = tmp.resolve("sample-plant.json");
        Files.copy(plant, copy);
        System.setProperty("nestedge.runs.dir", tmp.resolve("runs").toString());
        FxHarness.startFx();
        MainWindow[] w = {FxHarness.newWindow("io/nestedge/studio-screenshots-commissioning", 1600, 1000, tmp.resolve("recovery"),
                prefs -> prefs.putDouble("split.centre", 0.56))};
        run(() -> {
            w[0].commissioning().setRehearsalHook(v -> {
                try {
                    DeviceFs fs = v.virtualPlant().device("line1-edge").fs();
                    fs.mkdirs("/var/aziot", "0700", "root");
                    fs.setMode(fs.path("/var/aziot"), "0700");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            w[0].show(copy);
        });
        CommissioningModel m = w[0].commissioning().model();
        run(() -> {
            w[0].canvas().fit();
            w[0].commissioning().session().start(w[0].model().plant(), List.copyOf(w[0].model().plant().deviceIds()), false);
        });
        waitFor(() -> m.device("ops-gw").status() == DeviceRunStatus.RUNNING
                && m.device("ops-gw").steps().size() >= 3, 180);
        run(() -> w[0].model().select(List.of("ops-gw")));
        settle();
        shot(w[0], out.resolve("commissioning-running.png"));
        waitFor(() -> !m.runningProperty().get(), 300);
        run(() -> {
            w[0].model().select(List.of("line1-edge"));
            ((TabPane) w[0].scene().lookup("#run-detail-tabs")).getSelectionModel().select(3);
        });
        settle();
        shot(w[0], out.resolve("commissioning-finished.png"));
        run(() -> {
            w[0].model().select(List.of("site-gw"));
            ((TabPane) w[0].scene().lookup("#run-detail-tabs")).getSelectionModel().select(1);
        });
        settle();
        shot(w[0], out.resolve("commissioning-check.png"));
        // The report, as the Report button writes it beside the plant; its PDF's first page as a picture.
        run(() -> ((Button) w[0].scene().lookup("#run-report")).fire());
        waitFor(() -> m.reportFileProperty().get() != null, 120);
        Path pdf = tmp.resolve("sample-plant-commissioning-report.pdf");
        firstPageAsPng(pdf, out.resolve("commissioning-report.png"));
        String[] said = new String[1];
        run(() -> {
            said[0] = m.messageProperty().get();
            w[0].commissioning().shutdown();
            w[0].files().shutdown();
        });
        Platform.exit();
        deleteTree(tmp);
        System.out.println("wrote commissioning-{running,finished,check,report}.png to " + out + " (" + said[0] + ")");
    }

    /** Renders page 1 of a PDF at 120 dpi with poppler's {@code pdftoppm} (Debian package poppler-utils). */
    private static void firstPageAsPng(Path pdf, Path png) throws Exception {
        String stem = png.toString().replaceFirst("\\.png$", "");
        Process p;
        try {
            p = new ProcessBuilder("pdftoppm", "-png", "-r", "120", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), stem)
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("pdftoppm not found: install poppler-utils to render the report picture", e);
        }
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(png)) {
            throw new IllegalStateException("pdftoppm could not render " + pdf + ": " + said);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void waitFor(BooleanSupplier cond, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean[] ok = new boolean[1];
        while (System.nanoTime() < end) {
            run(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }



}
