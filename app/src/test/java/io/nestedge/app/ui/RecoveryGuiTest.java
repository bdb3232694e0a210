package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Crash recovery when the designer is started with a plant file (the usual {@code nestedge studio
 * plant.json}): the autosaved changes of the killed session are offered, not silently deleted.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryGuiTest {
    private MainWindow window;
    private Preferences prefs;
    private Path file;
    private Path recoveryDir;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("designer-recovery");
        file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        recoveryDir = dir.resolve("recovery");
        // what the killed session autosaved: the plant without press-sensor-01
        Plant edited = PlantFile.read(file).withDeviceList(PlantFile.read(file).devices().stream()
                .filter(d -> !d.id().equals("press-sensor-01")).toList());
        new RecoveryStore(recoveryDir).save(edited, file);
        window = new MainWindow(stage, new DesignerModel(Plant.empty("x"), Validator::validate), prefs, new RecoveryStore(recoveryDir));
        stage.setWidth(1200);
        stage.setHeight(800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private Button dialogButton(FxRobot robot, String text) {
        return FxHarness.dialogButton(robot, text);
    }

    @Test
    void startedWithAFileAfterACrashOffersTheAutosavedChanges(FxRobot robot) {
        Platform.runLater(() -> window.show(file)); // the recovery question waits in a nested event loop
        assertThat(FxAwait.until(() -> dialogButton(robot, "Recover") != null)).as("recovery offered").isTrue();
        robot.clickOn(dialogButton(robot, "Recover"));
        assertThat(FxAwait.until(() -> window.model().plant().deviceOrNull("press-sensor-01") == null
                && window.model().plant().size() == 3)).as("recovered plant open").isTrue();
        assertThat(window.model().isDirty()).isTrue();
        assertThat(window.model().fileProperty().get()).isEqualTo(file);
        assertThat(recoveryDir.resolve("recovery.json")).exists();
    }

    @Test
    void discardingTheRecoveryOpensTheFileGiven(FxRobot robot) {
        Platform.runLater(() -> window.show(file));
        assertThat(FxAwait.until(() -> dialogButton(robot, "Discard") != null)).as("recovery offered").isTrue();
        robot.clickOn(dialogButton(robot, "Discard"));
        assertThat(FxAwait.until(() -> window.model().plant().size() == 4)).as("file opened").isTrue();
        assertThat(window.model().isDirty()).isFalse();
        assertThat(FxAwait.until(() -> !Files.exists(recoveryDir.resolve("recovery.json")))).isTrue();
    }
}
