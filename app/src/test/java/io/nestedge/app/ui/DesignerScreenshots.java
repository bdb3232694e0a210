package io.nestedge.app.ui;

import static io.nestedge.app.ui.FxHarness.run;
import static io.nestedge.app.ui.FxHarness.settle;
import static io.nestedge.app.ui.FxHarness.shot;

import io.nestedge.app.editor.Commands;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;

/**
 * Screenshot harness (a main, not a test): opens a plant in the real designer window and writes into
 * an output directory {@code designer-light.png}, {@code designer-dark.png}, {@code designer-findings.png}
 * (the plant after edits that raise findings: a 70-character hostname on the selected device, a leaf
 * device without parent; light theme) and {@code designer-overview.png} (a generated plant of 2,000
 * devices at 30 %: the zoomed-out overview). Run it under Xvfb with
 * {@code -Dprism.order=sw} ({@code app/src/test/screenshots.sh}, docs/designer.md), or headless with
 * Monocle.
 *
 * <p>Arguments: {@code <plant.json> <output dir> [device to select] [leaf to disconnect]}.
 */
public final class DesignerScreenshots {
    private DesignerScreenshots() {
    }

    /**
     * Takes the screenshots.
     *
     * @param args plant file, output directory, optional device ID to select
     * @throws Exception when the window or the files cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path plant = Path.of(args.length > 0 ? args[0] : "examples/sample-plant.json");
        Path out = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        String select = args.length > 2 ? args[2] : "ops-gw";
        String leaf = args.length > 3 ? args[3] : "press-sensor-01";
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("nestedge-shots");
        FxHarness.startFx();
        MainWindow[] w = {FxHarness.newWindow("io/nestedge/studio-screenshots", 1440, 900, tmp, prefs -> { })};
        run(() -> {
            w[0].show(plant);
            w[0].model().select(List.of(select));
        });
        settle();
        shot(w[0], out.resolve("designer-light.png"));
        run(() -> w[0].actions().darkProperty().set(true));
        settle();
        shot(w[0], out.resolve("designer-dark.png"));
        run(() -> {
            w[0].actions().darkProperty().set(false);
            var m = w[0].model();
            m.execute(Commands.editDevice(select, "hostname", d -> d.withHostname("a".repeat(62) + ".local.x")));
            if (m.plant().deviceOrNull(leaf) != null) {
                m.execute(Commands.disconnect(leaf));
            }
            m.select(List.of(select));
        });
        settle();
        shot(w[0], out.resolve("designer-findings.png"));
        Path big = tmp.resolve("generated-2000.json");
        PlantFile.write(SamplePlants.generate(1200, 800), big);
        run(() -> {
            w[0].model().open(w[0].model().plant(), null, true); // drop the edits without a dialog
            w[0].files().openFile(big);
            w[0].canvas().viewportProperty().set(new io.nestedge.app.editor.Viewport(0.3, 20, 0));
        });
        settle();
        shot(w[0], out.resolve("designer-overview.png"));
        run(() -> w[0].files().shutdown());
        Platform.exit();
        System.out.println("wrote designer-light.png, designer-dark.png, designer-findings.png and designer-overview.png to " + out);
    }



}
