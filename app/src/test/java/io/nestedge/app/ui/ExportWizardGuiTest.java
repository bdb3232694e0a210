package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The export wizard (File › Export Bundles…, Ctrl+E): Next reaches the CA page, Back is usable there
 * and disabled again on page 1 (bound to a plain field, Back kept its first state: disabled after
 * Next, enabled after Back), and choosing "Import an existing CA" enables its file fields.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWizardGuiTest {
    private MainWindow window;
    private Preferences prefs;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("designer-wizard");
        file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        window = new MainWindow(stage, new DesignerModel(Plant.empty("x"), Validator::validate), prefs,
                new RecoveryStore(dir.resolve("recovery")));
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

    private Node byId(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    @Test
    void nextReachesTheCaPageWhereBackWorksAndImportEnablesItsFields(FxRobot robot) {
        Platform.runLater(() -> window.show(file));
        assertThat(FxAwait.until(() -> window.model().plant().size() == 4)).as("sample open").isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        assertThat(FxAwait.until(() -> dialogButton(robot, "Next") != null)).as("wizard open").isTrue();
        assertThat(dialogButton(robot, "Back").isDisabled()).as("Back on page 1").isTrue();

        robot.clickOn(dialogButton(robot, "Next"));
        assertThat(FxAwait.until(() -> robot.lookup("#ca-import").tryQuery().isPresent())).as("CA page shown").isTrue();
        assertThat(FxAwait.until(() -> !dialogButton(robot, "Back").isDisabled())).as("Back usable on page 2").isTrue();
        assertThat(byId(robot, "import-root-cert").isDisabled()).as("import fields off until Import is chosen").isTrue();

        robot.clickOn(byId(robot, "ca-import"));
        assertThat(FxAwait.until(() -> ((RadioButton) byId(robot, "ca-import")).isSelected()
                && !byId(robot, "import-root-cert").isDisabled())).as("import fields on").isTrue();
        assertThat(byId(robot, "import-p12").isDisabled()).isFalse();

        // fired, not clicked: the CA page is taller than the headless screen, the buttons are below its edge
        robot.interact(() -> dialogButton(robot, "Back").fire());
        assertThat(FxAwait.until(() -> dialogButton(robot, "Back").isDisabled())).as("back on page 1: Back disabled").isTrue();
        assertThat(robot.lookup("#ca-import").tryQuery()).as("the CA page left the dialog").isEmpty();
        robot.interact(() -> dialogButton(robot, "Close").fire());
        assertThat(FxAwait.until(() -> dialogButton(robot, "Next") == null)).as("wizard closed").isTrue();
    }
}
