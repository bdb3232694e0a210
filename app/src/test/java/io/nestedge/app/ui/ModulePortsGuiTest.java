package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DeviceTemplates;
import io.nestedge.app.editor.Template;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Module host ports in the inspector, at the window size a 1280×1024 screen gives (TestFX, Monocle):
 * a second API proxy added to a gateway conflicts on host port 443; its port row takes a free port
 * (the finding goes), refuses 0, 70000 and text in place, and the edit undoes and redoes. The
 * inspector's fields fit the panel without a horizontal scroll bar.
 */
@ExtendWith(ApplicationExtension.class)
class ModulePortsGuiTest {
    private static final String PORT_ROW = "#inspector-module-iotedgeapiproxy2-port-443-tcp";
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("designer-gui");
        Path file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        window = new MainWindow(stage, new DesignerModel(Plant.empty("x"), Validator::validate), prefs,
                new RecoveryStore(dir.resolve("recovery")));
        // the window a 1280×1024 screen gets (the break-it trial's screenshots): 1240 wide inside the frame
        stage.setWidth(1240);
        stage.setHeight(940);
        window.show(file);
    }

    @BeforeEach
    void settled() {
        FxAwait.settled(window.scene());
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private DesignerModel model() {
        return window.model();
    }

    private boolean port443Finding() {
        return model().findings().all().stream().anyMatch(f -> f.ruleId().equals("NE-PORT-443") && f.deviceId().equals("ops-gw"));
    }

    private List<PortBinding> proxy2Ports() {
        return model().plant().deviceOrNull("ops-gw").module("IoTEdgeAPIProxy2").orElseThrow().ports();
    }

    /** Types into an inspector field and commits it as Enter does. */
    private static void commit(FxRobot robot, TextField tf, String text) {
        robot.interact(() -> {
            tf.setText(text);
            tf.getOnAction().handle(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TextField portRow(FxRobot robot) {
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> inspector.openSection("modules[IoTEdgeAPIProxy2].ports"));
        FxAwait.until(() -> inspector.openSectionTitle().filter("Module IoTEdgeAPIProxy2"::equals).isPresent()
                && robot.lookup(PORT_ROW).tryQuery().isPresent());
        return robot.lookup(PORT_ROW).queryAs(TextField.class);
    }

    @Test
    void theSecondProxysHostPortIsEditedInTheInspectorAndTheConflictGoesUndoableAndRedoable(FxRobot robot) {
        // the command a palette drop executes (DesignerGuiTest drags one; a second Monocle drag-and-drop in
        // the same JVM can leave glass's DnD loop broken for the next test class)
        robot.interact(() -> model().execute(Commands.addModule("ops-gw", DeviceTemplates.newModule(model().plant(),
                model().plant().deviceOrNull("ops-gw"), Template.API_PROXY))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(proxy2Ports()).containsExactly(PortBinding.tcp(443));
        assertThat(port443Finding()).as("two modules bind host port 443").isTrue();
        robot.interact(() -> model().select(List.of("ops-gw")));
        TextField port = portRow(robot);
        assertThat(port.getText()).isEqualTo("443");

        // invalid values are refused in place, with the reason
        Label problem = robot.lookup("#inspector-problem").queryAs(Label.class);
        for (String bad : List.of("0", "70000", "https")) {
            commit(robot, port, bad);
            assertThat(port.getPseudoClassStates()).as(bad).contains(PseudoClass.getPseudoClass("danger"));
            assertThat(problem.isVisible()).as(bad).isTrue();
            assertThat(problem.getText()).as(bad).isEqualTo("Port 443/tcp: Use a whole number from 1 to 65535.");
            assertThat(proxy2Ports()).as(bad + " not committed").containsExactly(PortBinding.tcp(443));
            assertThat(port443Finding()).isTrue();
        }

        commit(robot, port, "8443");
        assertThat(proxy2Ports()).containsExactly(new PortBinding(8443, 443, "tcp"));
        assertThat(port443Finding()).as("the finding goes once the port is free").isFalse();
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Set host port 443/tcp of module IoTEdgeAPIProxy2 on ops-gw");
        assertThat(portRow(robot).getText()).as("the rebuilt row shows the new port").isEqualTo("8443");

        robot.interact(() -> model().undo());
        assertThat(proxy2Ports()).containsExactly(PortBinding.tcp(443));
        assertThat(port443Finding()).as("undo brings the conflict back").isTrue();
        assertThat(portRow(robot).getText()).isEqualTo("443");

        robot.interact(() -> model().redo());
        assertThat(proxy2Ports()).containsExactly(new PortBinding(8443, 443, "tcp"));
        assertThat(port443Finding()).isFalse();
        assertThat(portRow(robot).getText()).isEqualTo("8443");
    }

    @Test
    void theInspectorFitsThePanelAndLongValuesAreReadableInFull(FxRobot robot) {
        for (String device : List.of("ops-gw", "site-gw")) {
            robot.interact(() -> model().select(List.of(device)));
            FxAwait.until(() -> robot.lookup("#inspector-hostname").tryQuery().map(FxAwait::laidOut).orElse(false));
            FxAwait.pulses(2); // the rebuilt sheet's grid and scroll bars are laid out
            Node sheet = robot.lookup("#inspector-sheet").query();
            List<ScrollBar> bars = robot.from(sheet).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                    .filter(b -> b.getOrientation() == Orientation.HORIZONTAL && FxAwait.shown(b)).toList();
            assertThat(bars).as("horizontal scroll bar in the inspector of " + device).isEmpty();
            TextField host = robot.lookup("#inspector-hostname").queryAs(TextField.class);
            Point2D right = host.localToScene(host.getWidth(), 0);
            Point2D sheetRight = sheet.localToScene(sheet.getLayoutBounds().getWidth(), 0);
            assertThat(right.getX()).as("the hostname field ends inside the panel").isLessThanOrEqualTo(sheetRight.getX());
            assertThat(host.getTooltip().getText()).as("the whole value").isEqualTo(device + ".contoso-plant.local");
        }
    }
}
