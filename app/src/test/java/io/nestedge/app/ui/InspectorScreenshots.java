package io.nestedge.app.ui;

import static io.nestedge.app.ui.FxHarness.run;
import static io.nestedge.app.ui.FxHarness.settle;
import static io.nestedge.app.ui.FxHarness.shot;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DeviceTemplates;
import io.nestedge.app.editor.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;

/**
 * Screenshot harness (a main, not a test) of the inspector at the window a 1280×1024 screen gives
 * (1240×940): {@code inspector-light.png} and {@code inspector-dark.png} show ops-gw with a second API
 * proxy whose section (host port rows) is open; {@code inspector-identity-light.png} the Identity
 * section with the long hostname. Run under Xvfb with {@code -Dprism.order=sw} like
 * {@link DesignerScreenshots}.
 *
 * <p>Arguments: {@code <plant.json> <output dir>}.
 */
public final class InspectorScreenshots {
    private InspectorScreenshots() {
    }

    /**
     * Takes the screenshots.
     *
     * @param args plant file, output directory
     * @throws Exception when the window or the files cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path plant = Path.of(args.length > 0 ? args[0] : "examples/sample-plant.json");
        Path out = Path.of(args.length > 1 ? args[1] : "app/target/screenshots");
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("nestedge-shots");
        FxHarness.startFx();
        MainWindow[] w = {FxHarness.newWindow("io/nestedge/studio-inspector-screenshots", 1240, 940, tmp, prefs -> { })};
        InspectorPane[] inspector = new InspectorPane[1];
        run(() -> {
            w[0].show(plant);
            w[0].model().select(List.of("ops-gw"));
            inspector[0] = (InspectorPane) w[0].scene().getRoot().lookup(".inspector");
        });
        settle();
        shot(w[0], out.resolve("inspector-identity-light.png"));
        run(() -> {
            var m = w[0].model();
            m.execute(Commands.addModule("ops-gw", DeviceTemplates.newModule(m.plant(), m.plant().deviceOrNull("ops-gw"), Template.API_PROXY)));
        });
        settle();
        run(() -> inspector[0].openSection("modules[IoTEdgeAPIProxy2].ports"));
        settle();
        shot(w[0], out.resolve("inspector-light.png"));
        run(() -> w[0].actions().darkProperty().set(true));
        settle();
        shot(w[0], out.resolve("inspector-dark.png"));
        run(() -> w[0].files().shutdown());
        Platform.exit();
        System.out.println("wrote inspector-identity-light.png, inspector-light.png and inspector-dark.png to " + out);
    }
}
