package io.nestedge.app.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Viewport;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.app.ui.FxAwait;
import io.nestedge.app.ui.MainWindow;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * The virtualized canvas under TestFX (Monocle) with a generated plant of 300 devices spread over
 * about 12,000 pixels: only devices on and near the screen have nodes; panning, Find, marquee and
 * moving work for the others too; zoomed out, the overview replaces the nodes.
 */
@ExtendWith(ApplicationExtension.class)
class VirtualCanvasGuiTest {
    private MainWindow window;
    private Preferences prefs;
    private Plant plant;
    private String far;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        Path dir = Files.createTempDirectory("virtual-canvas");
        Path file = dir.resolve("big.json");
        PlantFile.write(SamplePlants.generate(200, 100), file);
        prefs.putDouble("window.w", 1400);
        prefs.putDouble("window.h", 900);
        window = new MainWindow(stage, new DesignerModel(), prefs, new RecoveryStore(dir.resolve("recovery")));
        stage.setWidth(1400);
        stage.setHeight(900);
        window.show(file);
        plant = window.model().plant();
        LaneGeometry g = LaneGeometry.of(plant);
        far = plant.devices().stream().max(Comparator.comparingDouble(d -> g.position(d.id()).orElseThrow().x())).orElseThrow().id();
        window.canvas().viewportProperty().set(new Viewport(1, 40, 0));
    }

    /** The first pulses lay the window out and give the device nodes their skins (sizes, ports). */
    @BeforeEach
    void settled() {
        FxAwait.settled(window.scene());
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private DesignerCanvas canvas() {
        return window.canvas();
    }

    private Position drawn(String id) {
        return LaneGeometry.of(window.model().plant()).position(id).orElseThrow();
    }

    private boolean onScreen(String id) {
        return canvas().deviceNode(id).map(n -> {
            Bounds b = canvas().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            return b.getMaxX() > 0 && b.getMinX() < canvas().getWidth() && b.getMaxY() > 0 && b.getMinY() < canvas().getHeight();
        }).orElse(false);
    }

    @Test
    void aFarDeviceHasNoNodeUntilPannedIntoView(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plant.size()).isEqualTo(300);
        assertThat(canvas().nodeCount()).as("only devices near the screen have nodes").isPositive().isLessThan(80);
        assertThat(canvas().linkCount()).isLessThan(plant.size() / 2);
        assertThat(robot.lookup("#device-" + far).tryQuery()).as("far device not in the scene graph").isEmpty();
        Position at = drawn(far);
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(1, 300 - at.x(), 300 - at.y())));
        FxAwait.settled(window.scene()); // the new nodes get their skins (and sizes) in the next pulse
        assertThat(robot.lookup("#device-" + far).tryQuery()).as("panned into view").isPresent();
        assertThat(onScreen(far)).isTrue();
        assertThat(canvas().nodeCount()).isLessThan(80);
    }

    @Test
    void findScrollsToAndMaterializesAFarDevice(FxRobot robot) {
        assertThat(canvas().deviceNode(far)).isEmpty();
        robot.clickOn(canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write(far);
        robot.type(KeyCode.ENTER);
        FxAwait.settled(window.scene());
        assertThat(window.model().selection()).containsExactly(far);
        assertThat(onScreen(far)).as("Find scrolled to the device and created its node").isTrue();
        assertThat(canvas().deviceNode(far).orElseThrow().selectedProperty().get()).isTrue();
    }

    @Test
    void zoomedOutTheOverviewReplacesNodesAndMarqueeSelectsEveryDevice(FxRobot robot) {
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(0.1, 20, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().isOverview()).isTrue();
        assertThat(canvas().nodeCount()).isZero();
        assertThat(canvas().linkCount()).isZero();
        assertThat(canvas().overviewLayer().drawnAs(far)).isIn("edge", "gateway", "leaf");
        Point2D from = canvas().localToScreen(4, 4);
        Point2D to = canvas().localToScreen(canvas().getWidth() - 4, canvas().getHeight() - 4);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> inView = plant.devices().stream().map(Device::id).filter(id -> {
            Position p = drawn(id);
            return (p.x() + NodeMetrics.WIDTH) * 0.1 + 20 > 4 && p.x() * 0.1 + 20 < canvas().getWidth() - 4;
        }).toList();
        assertThat(window.model().selection()).containsExactlyInAnyOrderElementsOf(inView);
        String rightmost = inView.stream().max(Comparator.comparingDouble(id -> drawn(id).x())).orElseThrow();
        assertThat(drawn(rightmost).x()).as("far from the 100 %% view at the start").isGreaterThan(3000);
        assertThat(canvas().overviewLayer().drawnAs(rightmost)).endsWith("selected");
        // back at 100 %: the node created for a selected device shows the selection
        robot.interact(() -> canvas().reveal(rightmost));
        FxAwait.settled(window.scene());
        assertThat(canvas().isOverview()).isFalse();
        assertThat(onScreen(rightmost)).isTrue();
        assertThat(canvas().deviceNode(rightmost).orElseThrow().selectedProperty().get()).isTrue();
    }

    @Test
    void movingADeviceInTheOverviewIsOneCommand(FxRobot robot) {
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(0.2, 20, 0)));
        String id = plant.devices().get(0).id();
        Position at = drawn(id);
        Viewport v = canvas().viewportProperty().get();
        Point2D grab = canvas().localToScreen(v.toScreenX(at.x() + 120), v.toScreenY(at.y() + 40));
        robot.drag(grab, MouseButton.PRIMARY).moveBy(20, 0).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Position now = drawn(id);
        assertThat(now.x()).as("moved right by about 80 px / zoom 0.2").isBetween(at.x() + 300, at.x() + 500);
        assertThat(window.model().commandStack().undoDepth()).isEqualTo(1);
        assertThat(window.model().undoTextProperty().get()).startsWith("Undo Move");
    }

    @Test
    void aNodeCreatedLaterIsReportedToShownListeners(FxRobot robot) {
        java.util.List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> canvas().addNodeShownListener(n -> shown.add(n.getDevice().id())));
        Position at = drawn(far);
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(1, 300 - at.x(), 300 - at.y())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).contains(far);
    }

    @Test
    void aLinkTlsStateSetOffScreenIsShownWhenItsCurveIsCreatedAndItsBadgeGoesWithTheCurve(FxRobot robot) {
        String child = plant.devices().stream().filter(Device::hasParent)
                .max(Comparator.comparingDouble(d -> drawn(d.id()).x())).orElseThrow().id();
        robot.interact(() -> canvas().setLinkTls(child, "tls-failed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().links().curveOf(child)).as("link off screen has no curve").isEmpty();
        assertThat(robot.lookup("#tls-" + child).tryQuery()).isEmpty();
        assertThat(canvas().linkTls(child)).isEqualTo("tls-failed");

        Position at = drawn(child);
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(1, 300 - at.x(), 400 - at.y())));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.shape.Path curve = canvas().links().curveOf(child).orElseThrow();
        assertThat(curve.getStyleClass()).contains("link", "tls-failed");
        javafx.scene.Node badge = robot.lookup("#tls-" + child).query();
        assertThat(badge.getParent()).as("badge in the curve's group (still or live)").isSameAs(curve.getParent());
        assertThat(badge.getLayoutX() + 9).isCloseTo(io.nestedge.app.editor.LinkRoute.middle(points(curve))[0], org.assertj.core.data.Offset.offset(0.01));

        robot.interact(() -> canvas().setLinkTls(child, "tls-ok"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(curve.getStyleClass()).contains("tls-ok").doesNotContain("tls-failed");
        assertThat(robot.lookup("#tls-" + child).queryAll()).hasSize(1);

        robot.interact(() -> canvas().viewportProperty().set(new Viewport(1, 40, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().links().curveOf(child)).as("panned away: curve dropped").isEmpty();
        assertThat(robot.lookup("#tls-" + child).tryQuery()).as("badge dropped with the curve").isEmpty();
        assertThat(canvas().linkTls(child)).as("state kept without a curve").isEqualTo("tls-ok");

        robot.interact(() -> canvas().setLinkTls(child, null));
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(1, 300 - at.x(), 400 - at.y())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().links().curveOf(child).orElseThrow().getStyleClass()).doesNotContain("tls-ok", "tls-warning", "tls-failed");
        assertThat(robot.lookup("#tls-" + child).tryQuery()).isEmpty();
    }

    @Test
    void panningAcrossTheCanvasCreatesNodesWithoutLayingOutTheWindowAroundIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Parent split = canvas().getParent();
        while (!(split instanceof javafx.scene.control.SplitPane)) {
            split = split.getParent();
        }
        int[] layouts = {0};
        javafx.scene.Parent s = split;
        robot.interact(() -> s.needsLayoutProperty().addListener((o, a, b) -> layouts[0] += b ? 1 : 0));
        int before = canvas().nodeCount();
        java.util.Set<DeviceNode> seen = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> {
                canvas().viewportProperty().set(canvas().viewportProperty().get().panBy(-120, 0));
                plant.devices().forEach(d -> canvas().deviceNode(d.id()).ifPresent(seen::add));
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen.size()).as("nodes were created while panning").isGreaterThan(before + 10);
        assertThat(layouts[0]).as("layout requests that reached the split pane holding the canvas").isZero();
    }

    @Test
    void aNodeGetsItsTooltipsOnItsFirstHoverAndShowsThePortsTooltip(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        DeviceNode node = plant.devices().stream().filter(Device::isEdge).filter(d -> onScreen(d.id()))
                .map(d -> canvas().deviceNode(d.id()).orElseThrow())
                .filter(n -> !n.lookupAll("." + DeviceNodeSkin.DOWNSTREAM_PORT).isEmpty()).findFirst().orElseThrow();
        DeviceNodeSkin skin = (DeviceNodeSkin) node.getSkin();
        assertThat(skin.tooltipsInstalled()).as("no tooltips before the node is hovered").isFalse();
        javafx.scene.Node port = node.lookupAll("." + DeviceNodeSkin.DOWNSTREAM_PORT).iterator().next();
        int number = (Integer) port.getProperties().get(DeviceNodeSkin.PORT_KEY);
        robot.moveTo(port);
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skin.tooltipsInstalled()).isTrue();
        java.util.function.Supplier<java.util.Optional<String>> shown = () -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst();
        long end = System.currentTimeMillis() + 8000;
        while (shown.get().isEmpty() && System.currentTimeMillis() < end) {
            robot.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(shown.get()).as("the port's tooltip shows after the hover delay")
                .hasValueSatisfying(t -> assertThat(t).startsWith(number + "/").endsWith("children connect here"));
        robot.moveTo(canvas().localToScreen(2, 2));
    }

    @Test
    void whileDraggingAGatewayItsOwnAndItsChildrensLinksFollowItAndNoOtherLinkChanges(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Device gw = plant.devices().stream().filter(d -> d.hasParent() && !plant.children(d.id()).isEmpty())
                .filter(d -> onScreen(d.id())).findFirst().orElseThrow();
        java.util.Set<String> own = new java.util.HashSet<>();
        own.add(gw.id());
        plant.children(gw.id()).forEach(c -> own.add(c.id()));
        java.util.Map<String, double[]> before = new java.util.HashMap<>();
        robot.interact(() -> plant.devices().forEach(d -> canvas().links().curveOf(d.id()).ifPresent(c -> before.put(d.id(), points(c)))));
        assertThat(before.keySet()).as("some of its links are drawn").containsAnyElementsOf(own);
        assertThat(before.keySet()).as("and some others").isNotEqualTo(own);
        DeviceNode node = canvas().deviceNode(gw.id()).orElseThrow();
        Point2D grab = node.localToScreen(120, 40);
        robot.drag(grab, MouseButton.PRIMARY).moveBy(20, 10).moveBy(37, 23);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            robot.interact(() -> {
                assertThat(canvas().viewPosition(gw.id()).orElseThrow().x()).as("preview moved the device")
                        .isGreaterThan(drawn(gw.id()).x() + 40);
                for (String id : before.keySet()) {
                    double[] now = points(canvas().links().curveOf(id).orElseThrow());
                    if (own.contains(id)) {
                        assertThat(now).as("link of " + id + " follows the dragged device")
                                .containsExactly(LinkLayer.curve(plant, id, canvas()::viewPosition), org.assertj.core.data.Offset.offset(1e-9));
                    } else {
                        assertThat(now).as("link of " + id + " unchanged").containsExactly(before.get(id));
                    }
                }
            });
        } finally {
            robot.drop();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().undoTextProperty().get()).isEqualTo("Undo Move " + gw.id());
    }

    private static double[] points(javafx.scene.shape.Path c) {
        java.util.List<Double> v = new java.util.ArrayList<>();
        for (javafx.scene.shape.PathElement e : c.getElements()) {
            if (e instanceof javafx.scene.shape.MoveTo m) {
                v.addAll(java.util.List.of(m.getX(), m.getY()));
            } else if (e instanceof javafx.scene.shape.CubicCurveTo t) {
                v.addAll(java.util.List.of(t.getControlX1(), t.getControlY1(), t.getControlX2(), t.getControlY2(), t.getX(), t.getY()));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void anIdleWindowDoesNotPulse(FxRobot robot) throws Exception {
        robot.clickOn(canvas(), MouseButton.MIDDLE); // focus on the canvas, not on a text field with a blinking caret
        robot.interact(() -> window.model().execute(io.nestedge.app.editor.Commands.move(
                java.util.Map.of(far, new Position(drawn(far).x() + 8, drawn(far).y())), java.util.Map.of()))); // unsaved: autosave armed
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        int[] pulses = {0};
        Runnable count = () -> pulses[0]++;
        robot.interact(() -> window.scene().addPreLayoutPulseListener(count));
        Thread.sleep(1000);
        robot.interact(() -> window.scene().removePreLayoutPulseListener(count));
        // (the autosave timer was an endless Timeline: JavaFX then pulses 60 times a second all session)
        assertThat(pulses[0]).as("pulses in 1 s while nothing changes").isLessThan(5);
    }

    @Test
    void nothingDrawnBehindOrOnTheCanvasPaintsATransparentFillOrStroke(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> transparent = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (javafx.scene.Node n = canvas(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.layout.Region r && r.getBackground() != null) {
                    r.getBackground().getFills().stream().filter(f -> invisible(f.getFill()))
                            .forEach(f -> transparent.add("background of " + r.getClass().getSimpleName() + r.getStyleClass()));
                }
            }
        });
        // links at 100 %, then the overview's shapes (its tiles are drawn at once)
        robot.interact(() -> collectTransparentShapes(canvas(), transparent));
        robot.interact(() -> canvas().viewportProperty().set(new Viewport(0.1, 20, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> collectTransparentShapes(canvas(), transparent));
        assertThat(canvas().overviewLayer().tileCount()).isPositive();
        // (a software renderer still rasterizes and blends a transparent paint: it must be null instead)
        assertThat(transparent).isEmpty();
    }

    private static void collectTransparentShapes(javafx.scene.Parent p, java.util.List<String> out) {
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.shape.Shape sh && n.isVisible()) {
                if (invisible(sh.getFill())) {
                    out.add("fill of " + sh.getClass().getSimpleName() + sh.getStyleClass());
                }
                if (invisible(sh.getStroke())) {
                    out.add("stroke of " + sh.getClass().getSimpleName() + sh.getStyleClass());
                }
            }
            if (n instanceof javafx.scene.Parent q && !(n instanceof DeviceNode)) {
                collectTransparentShapes(q, out);
            }
        }
    }

    private static boolean invisible(javafx.scene.paint.Paint paint) {
        return paint instanceof javafx.scene.paint.Color c && c.getOpacity() == 0;
    }
}
