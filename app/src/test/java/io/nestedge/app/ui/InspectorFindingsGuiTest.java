package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Viewport;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * Inspector and findings at 1440×900 (TestFX, Monocle): findings wrap and open the inspector section
 * of their field, module rows remove a module, and property names are not cut off.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorFindingsGuiTest {
    private MainWindow window;
    private Preferences prefs;

    /** What JavaFX's CSS engine logged while this test's window was built and used. */
    private final List<java.util.logging.LogRecord> css = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler cssHandler = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            css.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        java.util.logging.Logger.getLogger("javafx.css").addHandler(cssHandler);
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("designer-gui");
        Path file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        window = new MainWindow(stage, new DesignerModel(Plant.empty("x"), Validator::validate), prefs,
                new RecoveryStore(dir.resolve("recovery")));
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show(file);
    }

    @BeforeEach
    void settled() {
        FxAwait.settled(window.scene());
    }

    @AfterEach
    void cleanUp() throws Exception {
        java.util.logging.Logger.getLogger("javafx.css").removeHandler(cssHandler);
        prefs.removeNode();
    }

    private DesignerModel model() {
        return window.model();
    }

    @SuppressWarnings("unchecked")
    private TreeItem<Object> findingItem(FxRobot robot, String ruleId, String deviceId) {
        TreeView<Object> tree = robot.lookup("#findings-tree").queryAs(TreeView.class);
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            for (TreeItem<Object> i : group.getChildren()) {
                if (i.getValue() instanceof Finding f && f.ruleId().equals(ruleId) && f.deviceId().equals(deviceId)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no finding " + ruleId + " for " + deviceId);
    }

    /** The section opens after the findings panel's runLater (the sheet is rebuilt for the new selection first). */
    private static void awaitOpenSection(InspectorPane inspector, String title) {
        FxAwait.until(() -> inspector.openSectionTitle().filter(title::equals).isPresent());
    }

    /** A finding's fix label in the findings tree once its cell is laid out (cells are made in a layout pass). */
    private static Label fixLabel(FxRobot robot, String text) {
        return robot.lookup(".finding-cell-fix").queryAll().stream().map(Label.class::cast)
                .filter(l -> l.getText().contains(text) && FxAwait.shown(l)).findFirst().orElse(null);
    }

    @Test
    void clickingAFindingOpensTheSectionOfItsFieldAndCentresTheDevice(FxRobot robot) {
        // the tester's case: a lower-lane device that lost its parent but kept its $upstream images
        robot.interact(() -> model().execute(Commands.editDevice("line1-edge", "parent", d -> d.withParent(""))));
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<?> tree = robot.lookup("#findings-tree").queryAs(TreeView.class);
        TreeItem<Object> item = findingItem(robot, "NE-IMAGE-UPSTREAM-TOP", "line1-edge");
        Finding f = (Finding) item.getValue();
        assertThat(f.fix()).contains("drag its top port onto the parent's bottom port");
        robot.interact(() -> ((TreeView<Object>) (TreeView<?>) tree).getSelectionModel().select(item));
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        awaitOpenSection(inspector, "Hierarchy");
        FxAwait.until(() -> FxAwait.laidOut(fixLabel(robot, "drag its top port")));
        FxAwait.pulses(2); // the cell's final size: the tree lays out its cells at the panel's width
        assertThat(model().selection()).containsExactly("line1-edge");
        assertThat(inspector.openSectionTitle()).contains("Hierarchy");
        // the device is centred in the canvas, not half hidden
        Position p = LaneGeometry.of(model().plant()).position("line1-edge").orElseThrow();
        Viewport v = window.canvas().viewportProperty().get();
        double sx = v.toScreenX(p.x() + NodeMetrics.WIDTH / 2);
        double sy = v.toScreenY(p.y() + NodeMetrics.HEIGHT / 2);
        assertThat(sx).isCloseTo(window.canvas().getWidth() / 2, org.assertj.core.data.Offset.offset(2.0));
        assertThat(sy).isCloseTo(window.canvas().getHeight() / 2, org.assertj.core.data.Offset.offset(2.0));
        // the whole fix is readable: the fix label wraps inside the panel and the tooltip holds everything
        Label fix = fixLabel(robot, "drag its top port");
        assertThat(fix).as("fix label shown").isNotNull();
        Point2D right = fix.localToScene(fix.getWidth(), 0);
        Point2D treeRight = tree.localToScene(tree.getWidth(), 0);
        assertThat(right.getX()).isLessThanOrEqualTo(treeRight.getX());
        assertThat(fix.getHeight()).as("fix wraps onto several lines").isGreaterThan(fix.getFont().getSize() * 2);
        Node cell = fix.getParent().getParent();
        assertThat(((javafx.scene.control.Cell<?>) cell).getTooltip().getText()).contains(f.message()).contains(f.fix());
    }

    @Test
    void clickingAModuleFindingOpensThatModulesSection(FxRobot robot) {
        robot.interact(() -> model().execute(Commands.editModule("ops-gw", "IoTEdgeAPIProxy", "image",
                m -> m.withImage("mcr.microsoft.com/azureiotedge-api-proxy:1.1"))));
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<Object> tree = robot.lookup("#findings-tree").queryAs(TreeView.class);
        TreeItem<Object> item = findingItem(robot, "NE-IMAGE-VIA-PARENT", "ops-gw");
        robot.interact(() -> tree.getSelectionModel().select(item));
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        awaitOpenSection(inspector, "Module IoTEdgeAPIProxy");
        assertThat(inspector.openSectionTitle()).contains("Module IoTEdgeAPIProxy");
    }

    @Test
    void aModuleCanBeRemovedFromTheInspectorAndTheRemovalUndone(FxRobot robot) {
        robot.interact(() -> model().select(List.of("line1-edge")));
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> inspector.openSection("modules[SimulatedTemperatureSensor]"));
        String removeId = "#inspector-module-simulatedtemperaturesensor-remove-module";
        FxAwait.until(() -> inspector.openSectionTitle().filter("Module SimulatedTemperatureSensor"::equals).isPresent()
                && robot.lookup(removeId).tryQuery().isPresent());
        assertThat(inspector.openSectionTitle()).contains("Module SimulatedTemperatureSensor");
        Button remove = robot.lookup(removeId).queryAs(Button.class);
        assertThat(remove.isDisabled()).isFalse();
        robot.interact(remove::fire); // the button itself (scrolling the sheet under Monocle is timing-dependent)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().deviceOrNull("line1-edge").modules()).isEmpty();
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Remove module SimulatedTemperatureSensor from line1-edge");
    }

    @Test
    void aPlantWideFindingShowsThePlantSheetAtItsSectionAndTheFieldEditsUndoably(FxRobot robot) {
        robot.interact(() -> model().select(List.of("ops-gw")));
        robot.interact(() -> model().execute(Commands.editPlant("container DNS servers",
                p -> p.withContainerEngine(p.containerEngine().withDns(List.of("dns.contoso-plant.local"))))));
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<Object> tree = robot.lookup("#findings-tree").queryAs(TreeView.class);
        TreeItem<Object> item = findingItem(robot, "NE-ENGINE-DNS", "");
        robot.interact(() -> tree.getSelectionModel().select(item));
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        awaitOpenSection(inspector, "Container engine");
        assertThat(model().selection()).as("the plant sheet is shown").isEmpty();
        assertThat(inspector.openSectionTitle()).contains("Container engine");
        javafx.scene.control.TextField dns = robot.lookup("#inspector-dns-servers").queryAs(javafx.scene.control.TextField.class);
        assertThat(dns.getText()).isEqualTo("dns.contoso-plant.local");
        robot.interact(() -> {
            dns.setText("10.0.3.53");
            dns.getOnAction().handle(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().containerEngine().dns()).containsExactly("10.0.3.53");
        assertThat(model().findings().all()).noneMatch(f -> f.ruleId().equals("NE-ENGINE-DNS"));
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Set container DNS servers");
    }

    @Test
    void propertyNamesAreNotCutOff(FxRobot robot) {
        robot.interact(() -> model().select(List.of("ops-gw")));
        robot.interact(() -> robot.lookup(".inspector").queryAs(InspectorPane.class).openSection("runtime.agentImage"));
        // widths exist after the opened section's layout pass
        FxAwait.until(() -> FxAwait.laidOut(inspectorName(robot, "edgeAgent image")));
        FxAwait.pulses(2); // the label's row is sized once its editor is placed in the sheet's grid
        Label name = inspectorName(robot, "edgeAgent image");
        assertThat(name).as("edgeAgent image label shown").isNotNull();
        assertThat(name.getWidth()).as("label as wide as its text").isGreaterThanOrEqualTo(name.prefWidth(-1) - 0.5);
        assertThat(name.getTooltip().getText()).startsWith("edgeAgent image: ");
    }

    @Test
    void theInspectorsTextFieldsStyleWithoutCssErrorsInBothThemes(FxRobot robot) {
        robot.interact(() -> model().select(List.of("ops-gw")));
        robot.interact(() -> robot.lookup(".inspector").queryAs(InspectorPane.class).openSection("runtime.agentImage"));
        FxAwait.until(() -> FxAwait.laidOut(inspectorName(robot, "edgeAgent image")));
        assertThat(robot.lookup(".custom-text-field").queryAll()).as("the property sheet's search field").isNotEmpty();
        robot.interact(() -> window.actions().darkProperty().set(true));
        robot.interact(() -> model().select(List.of("site-gw")));
        FxAwait.settled(window.scene());
        robot.interact(() -> window.actions().darkProperty().set(false));
        FxAwait.settled(window.scene());
        assertThat(css).extracting(r -> java.text.MessageFormat.format(String.valueOf(r.getMessage()),
                r.getParameters() == null ? new Object[0] : r.getParameters())).as("CSS problems logged").isEmpty();
    }

    private static Label inspectorName(FxRobot robot, String text) {
        return robot.lookup(".inspector-name").queryAll().stream().map(Label.class::cast)
                .filter(l -> l.getText().equals(text) && FxAwait.shown(l)).findFirst().orElse(null);
    }
}
