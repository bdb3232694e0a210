package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.DevicePorts;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Viewport;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The designer under TestFX (Monocle, headless) with real mouse and keyboard gestures. The plant
 * opened is a copy of {@code examples/sample-plant.json}.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerGuiTest {
    /** Rule stand-in so the GUI wiring of findings is tested whatever the real validator does today. */
    static List<Finding> withHostLengthRule(Plant p) {
        List<Finding> out = new ArrayList<>(Validator.validate(p));
        if (out.stream().noneMatch(f -> f.ruleId().equals("NE-HOST-LENGTH"))) {
            p.devices().stream().filter(d -> d.hostname().length() > 64).forEach(d -> out.add(new Finding("NE-HOST-LENGTH",
                    Severity.ERROR, d.id(), "hostname", "hostname longer than 64 characters", "shorten it")));
        }
        return out;
    }

    static Function<Plant, List<Finding>> validator = DesignerGuiTest::withHostLengthRule;

    @TempDir
    static Path tmp;
    private MainWindow window;
    private Preferences prefs;
    private Path file;
    private Path recoveryDir;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("designer-gui");
        file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        recoveryDir = dir.resolve("recovery");
        window = new MainWindow(stage, new DesignerModel(Plant.empty("x"), validator), prefs, new RecoveryStore(recoveryDir));
        prefs.putDouble("window.w", 1400);
        stage.setWidth(1400);
        stage.setHeight(900);
        window.show(file);
    }

    /** The first pulses lay the window out, fit the canvas and give the device nodes their skins (ports). */
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

    /** Screen point of a content point of the canvas. */
    private Point2D screen(double cx, double cy) {
        Viewport v = window.canvas().viewportProperty().get();
        return window.canvas().localToScreen(v.toScreenX(cx), v.toScreenY(cy));
    }

    private Position drawn(String id) {
        return LaneGeometry.of(model().plant()).position(id).orElseThrow();
    }

    private Node upstreamPort(FxRobot robot, String id) {
        return robot.lookup("#device-" + id + " .upstream-port").query();
    }

    @Test
    void autosaveWritesAnUnsavedPlantOnceAndAgainOnlyAfterTheNextEdit(FxRobot robot) throws Exception {
        Path rec = recoveryDir.resolve("recovery.json");
        String id = model().plant().devices().get(0).id();
        Position at = drawn(id);
        robot.interact(() -> model().execute(io.nestedge.app.editor.Commands.move(
                java.util.Map.of(id, new Position(at.x() + 80, at.y())), java.util.Map.of())));
        java.util.concurrent.Future<?>[] f = new java.util.concurrent.Future<?>[1];
        robot.interact(() -> f[0] = window.files().autosaveNow());
        f[0].get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(PlantFile.read(rec).deviceOrNull(id).position().x()).isEqualTo(at.x() + 80);
        // nothing changed since: the next autosave does not serialize and write the plant again
        Files.writeString(rec, "written by the first autosave");
        robot.interact(() -> f[0] = window.files().autosaveNow());
        f[0].get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Files.readString(rec)).isEqualTo("written by the first autosave");
        // the next edit is written
        robot.interact(() -> model().execute(io.nestedge.app.editor.Commands.move(
                java.util.Map.of(id, new Position(at.x() + 160, at.y())), java.util.Map.of())));
        robot.interact(() -> f[0] = window.files().autosaveNow());
        f[0].get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(PlantFile.read(rec).deviceOrNull(id).position().x()).isEqualTo(at.x() + 160);
        // saved: the recovery file goes
        robot.interact(() -> window.files().writeTo(file));
        robot.interact(() -> f[0] = window.files().autosaveNow());
        f[0].get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(rec).doesNotExist();
    }

    @Test
    void dropAnIotEdgeDeviceFromThePaletteIntoALane(FxRobot robot) {
        LaneGeometry.Lane l3 = LaneGeometry.of(model().plant()).lane("L3").orElseThrow();
        robot.drag("#palette-EDGE_DEVICE", MouseButton.PRIMARY).dropTo(screen(80 + NodeMetrics.WIDTH / 2, l3.top() + 70));
        WaitForAsyncUtils.waitForFxEvents();
        Device added = model().plant().deviceOrNull("edge-1");
        assertThat(added).as("device dropped into the L3 lane").isNotNull();
        assertThat(added.layerId()).isEqualTo("L3");
        assertThat(added.runtime().agentImage()).startsWith("$upstream:443/");
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Add IoT Edge device edge-1");
        assertThat(model().selection()).containsExactly("edge-1");
        assertThat(robot.lookup("#device-edge-1").tryQuery()).isPresent();
    }

    @Test
    void dropAModuleOntoADevice(FxRobot robot) {
        Position at = drawn("line1-edge");
        robot.drag("#palette-API_PROXY", MouseButton.PRIMARY).dropTo(screen(at.x() + 60, at.y() + 30));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().deviceOrNull("line1-edge").module("IoTEdgeAPIProxy")).isPresent();
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Add module IoTEdgeAPIProxy to line1-edge");
    }

    @Test
    void connectAChildToAParentByDraggingBetweenPorts(FxRobot robot) {
        robot.interact(() -> model().execute(Commands.disconnect("line1-edge")));
        FxAwait.settled(window.scene()); // the node moved and its ports are laid out again in the next pulse
        Position parent = drawn("site-gw");
        var ports = DevicePorts.downstream(model().plant().deviceOrNull("site-gw"));
        Position port443 = DevicePorts.downstreamAnchor(parent, 0, ports.size());
        robot.drag(upstreamPort(robot, "line1-edge"), MouseButton.PRIMARY).moveTo(screen(port443.x(), port443.y() - 2)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().deviceOrNull("line1-edge").parentId()).isEqualTo("site-gw");
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Connect line1-edge to site-gw");
    }

    @Test
    void anIllegalConnectionIsRefusedWithTheReasonWhileDragging(FxRobot robot) {
        robot.interact(() -> model().execute(Commands.disconnect("line1-edge")));
        FxAwait.settled(window.scene());
        Plant before = model().plant();
        Position leaf = drawn("press-sensor-01");
        robot.drag(upstreamPort(robot, "line1-edge"), MouseButton.PRIMARY)
                .moveTo(screen(leaf.x() + NodeMetrics.WIDTH / 2, leaf.y() + NodeMetrics.HEIGHT / 2));
        WaitForAsyncUtils.waitForFxEvents();
        Node leafNode = robot.lookup("#device-press-sensor-01").query();
        assertThat(leafNode.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("connect-refused"));
        assertThat(model().statusProperty().get()).contains("press-sensor-01 is a leaf device");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant()).isSameAs(before);
        assertThat(model().statusProperty().get()).startsWith("Connection refused");
        assertThat(leafNode.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("connect-refused"));
    }

    @Test
    void moveIntoAnotherLaneThenUndo(FxRobot robot) {
        Plant before = model().plant();
        Position at = drawn("line1-edge");
        LaneGeometry.Lane l3 = LaneGeometry.of(before).lane("L3").orElseThrow();
        Point2D grab = screen(at.x() + 40, at.y() + 30);
        robot.drag(grab, MouseButton.PRIMARY).moveBy(20, 0).moveTo(screen(at.x() - 160, l3.top() + 50)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Device moved = model().plant().deviceOrNull("line1-edge");
        assertThat(moved.layerId()).as("moving into the L3 lane changes the layer").isEqualTo("L3");
        assertThat(model().commandStack().undoDepth()).as("one command per gesture").isEqualTo(1);
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Move line1-edge to L3");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant()).isEqualTo(before);
        assertThat(model().isDirty()).isFalse();
    }

    @Test
    void marqueeSelectsAndDeleteRemovesInOneStep(FxRobot robot) {
        LaneGeometry g = LaneGeometry.of(model().plant());
        LaneGeometry.Lane l2 = g.lane("L2").orElseThrow();
        Viewport v = window.canvas().viewportProperty().get();
        Point2D from = window.canvas().localToScreen(6, v.toScreenY(l2.top() + 4));
        Point2D to = window.canvas().localToScreen(window.canvas().getWidth() - 6, v.toScreenY(l2.bottom() - 4));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().selection()).containsExactlyInAnyOrder("line1-edge", "press-sensor-01");
        robot.clickOn(window.canvas(), MouseButton.MIDDLE);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().size()).isEqualTo(2);
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Delete 2 devices");
    }

    @Test
    void hostnameOf70CharactersShowsTheFindingOnTheNodeAndInThePanel(FxRobot robot) {
        editHostnameTo70(robot);
        assertThat(model().findings().of("ops-gw")).extracting(Finding::ruleId).contains("NE-HOST-LENGTH");
        Node badge = robot.lookup("#device-ops-gw .finding-badge").query();
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getStyleClass()).contains("error");
        assertThat(robot.lookup("#findings-tree").queryAs(javafx.scene.control.TreeView.class).getRoot().getChildren()).isNotEmpty();
    }

    private void editHostnameTo70(FxRobot robot) {
        Position at = drawn("ops-gw");
        robot.clickOn(screen(at.x() + 120, at.y() + 40));
        // the inspector's sheet is rebuilt for the selection: its fields join the scene graph in the next CSS pass
        FxAwait.until(() -> FxAwait.laidOut(robot.lookup("#inspector-hostname").tryQuery().orElse(null)));
        assertThat(model().selection()).containsExactly("ops-gw");
        TextField host = robot.lookup("#inspector-hostname").queryAs(TextField.class);
        robot.doubleClickOn(host);
        robot.interact(host::selectAll);
        String h = "a".repeat(62) + ".local.x";
        robot.write(h);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inspector-problem").queryAs(javafx.scene.control.Label.class).getText()).contains("70 characters");
        assertThat(model().plant().deviceOrNull("ops-gw").hostname()).as("not committed while typing").isEqualTo("ops-gw.contoso-plant.local");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().plant().deviceOrNull("ops-gw").hostname()).isEqualTo(h).hasSize(70);
        assertThat(model().undoTextProperty().get()).isEqualTo("Undo Set hostname of ops-gw");
    }

    @Test
    void realValidatorReportsTheLongHostname(FxRobot robot) {
        Plant probe = model().plant().updateDevice("ops-gw", d -> d.withHostname("c".repeat(70)));
        Assumptions.assumeTrue(Validator.validate(probe).stream().anyMatch(f -> f.ruleId().equals("NE-HOST-LENGTH")),
                "rule NE-HOST-LENGTH is not in io.nestedge.model.rules.Validator yet (being written in parallel)");
        robot.interact(() -> model().execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("c".repeat(70)))));
        assertThat(Validator.validate(model().plant())).extracting(Finding::ruleId).contains("NE-HOST-LENGTH");
        assertThat(model().findings().worst("ops-gw")).isPresent();
    }

    @Test
    void saveThenReopenGivesTheSamePlant(FxRobot robot) throws Exception {
        robot.interact(() -> model().execute(Commands.move(java.util.Map.of("site-gw", new Position(640, 200)), java.util.Map.of())));
        assertThat(window.scene().getWindow()).isInstanceOf(Stage.class);
        assertThat(((Stage) window.scene().getWindow()).getTitle()).startsWith("* ");
        Plant edited = model().plant();
        robot.clickOn(window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().isDirty()).isFalse();
        assertThat(((Stage) window.scene().getWindow()).getTitle()).isEqualTo("Contoso bottling plant (plant.json) — NestEdge Studio");
        assertThat(PlantFile.read(file)).isEqualTo(edited);
        robot.interact(() -> model().execute(Commands.delete(List.of("site-gw"))));
        robot.interact(() -> model().open(Plant.empty("other"), null, true));
        robot.interact(() -> window.files().openFile(file));
        assertThat(model().plant()).isEqualTo(edited);
        assertThat(prefs.get("recent.0", "")).isEqualTo(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void aBrokenFileShowsAnErrorDialogInsteadOfCrashing(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{ \"schemaVersion\": 1, \"devices\": [ }");
        Plant before = model().plant();
        robot.interact(() -> assertThat(window.files().openFile(bad)).isFalse());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dialog").tryQuery()).isPresent();
        assertThat(model().plant()).isSameAs(before);
        robot.type(KeyCode.ESCAPE);
    }
}
