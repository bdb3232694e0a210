package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.commission.CommissioningModel;
import io.nestedge.app.commission.DeviceRunStatus;
import io.nestedge.app.commission.DeviceRunView;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.commissioning.service.VirtualCommissioning;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.model.Plant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
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
 * Rehearses the sample plant from the UI (TestFX, Monocle), clicking the commissioning view's
 * buttons: Start all on the virtual plant turns every device green on the canvas with its TLS links
 * verified, and Report writes HTML and PDF beside the plant naming every device; with one gateway
 * broken (field case F19), that gateway turns red with the F19 diagnosis, its children are never
 * started and the top gateway stays green. Two full rehearsals (30 to 70 s each here).
 */
@ExtendWith(ApplicationExtension.class)
class CommissioningGuiTest {
    private MainWindow window;
    private Preferences prefs;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        prefs = Preferences.userRoot().node("io/nestedge/studio-test-" + UUID.randomUUID());
        dir = Files.createTempDirectory("commissioning-gui");
        System.setProperty("nestedge.runs.dir", dir.resolve("runs").toString());
        Path file = dir.resolve("plant.json");
        Files.copy(Path.of("../examples/sample-plant.json"), file);
        window = new MainWindow(stage, new DesignerModel(), prefs, new RecoveryStore(dir.resolve("recovery")));
        stage.setWidth(1500);
        stage.setHeight(1000);
        window.show(file);
    }

    @BeforeEach
    void settled() {
        FxAwait.settled(window.scene());
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.commissioning().shutdown()).get(60, TimeUnit.SECONDS);
        prefs.removeNode();
    }

    @Test
    void rehearseTheSamplePlantEveryDeviceTurnsGreenAndTheReportNamesEveryDevice(FxRobot robot) throws Exception {
        CommissioningModel run = window.commissioning().model();
        Plant plant = window.model().plant();
        assertThat(run.targetProperty().get()).as("the sample plant opens ready to rehearse").isEqualTo(CommissioningModel.Target.REHEARSAL);
        assertThat(robot.lookup("#run-message").queryAs(Label.class).getText()).contains("throwaway PKI").contains("plain keys");

        robot.clickOn("#run-start-all");
        FxAwait.until(60, () -> run.device("site-gw").status() == DeviceRunStatus.RUNNING
                || run.device("site-gw").status() != null && run.device("site-gw").status().finished());
        awaitRunEnd(run);
        String why = statuses(run);
        for (String id : plant.deviceIds()) {
            assertThat(run.device(id).status()).as(why).isIn(DeviceRunStatus.OK, DeviceRunStatus.WARNING);
            Node node = robot.lookup("#device-" + id).query();
            assertThat(node.getStyleClass()).as(id).contains("run-succeeded").doesNotContain("run-failed");
            assertThat(robot.lookup("#run-badge-" + id).tryQuery()).as("status badge of " + id).isPresent();
        }
        assertThat(window.canvas().linkTls("ops-gw")).isEqualTo("tls-ok");
        assertThat(window.canvas().linkTls("line1-edge")).isEqualTo("tls-ok");
        assertThat(robot.lookup("#tls-ops-gw").tryQuery()).isPresent();

        // The device panel shows the iotedge check table and the modules of the selected device.
        robot.interact(() -> window.model().select(List.of("site-gw")));
        FxAwait.until(() -> window.commissioning().detail().shown() != null
                && "site-gw".equals(window.commissioning().detail().shown().deviceId()));
        assertThat(window.commissioning().detail().shown().deviceId()).isEqualTo("site-gw");
        assertThat(robot.lookup("#run-checks").queryTableView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#run-modules").queryTableView().getItems()).isNotEmpty();

        Path html = writeReportByClicking(robot, run);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        for (String id : plant.deviceIds()) {
            assertThat(text).contains(id);
        }
    }

    /**
     * Field case F19 on a gateway with children, rehearsed from the UI: on the virtual {@code ops-gw},
     * {@code /var/aziot} is {@code drwxr-x--- root:aziotcs}, so aziotcs still reaches the certificates
     * but aziotks cannot traverse to {@code /var/aziot/secrets} (commissioning creates certs and secrets
     * with their exact modes but leaves an existing parent as it is). The technician clicks Start all;
     * ops-gw turns red with the F19 diagnosis (cause and fix) in its panel, line1-edge and its leaf
     * device are never started, site-gw stays green, and the report still names every device.
     */
    @Test
    void aGatewayWhoseKeyFolderAziotksCannotReachTurnsRedWithTheF19DiagnosisAndItsChildrenAreNotStarted(FxRobot robot)
            throws Exception {
        CommissioningModel run = window.commissioning().model();
        Plant plant = window.model().plant();
        List<String> children = List.of("line1-edge", "press-sensor-01");
        Map<String, String> why = Map.of("line1-edge", "not started: parent ops-gw failed",
                "press-sensor-01", "not started: parent line1-edge skipped");
        assertThat(plant.deviceOrNull("line1-edge").parentId()).isEqualTo("ops-gw");
        assertThat(plant.deviceOrNull("press-sensor-01").parentId()).isEqualTo("line1-edge");
        // No menu breaks a device: the fault is injected into the virtual plant through the view's rehearsal hook.
        robot.interact(() -> window.commissioning().setRehearsalHook(v -> keyFolderNotTraversableByAziotks(v, "ops-gw")));
        List<String> childStates = new CopyOnWriteArrayList<>();
        robot.interact(() -> children.forEach(c -> run.device(c).statusProperty()
                .addListener((o, a, b) -> childStates.add(c + " " + b))));

        robot.clickOn("#run-start-all");
        awaitRunEnd(run);
        String states = statuses(run);

        // ops-gw: failed at install-certs, red on the canvas.
        DeviceRunView ops = run.device("ops-gw");
        assertThat(ops.status()).as(states).isEqualTo(DeviceRunStatus.FAILED);
        assertThat(ops.steps()).as(states).anyMatch(s -> s.stepId().equals("install-certs") && s.status() == StepStatus.FAILED
                && s.summary().startsWith("aziotks cannot read /var/aziot/secrets/"));
        assertThat(window.canvas().linkTls("ops-gw")).as("its link to site-gw was never verified").isNull();
        FxAwait.until(() -> isRed(borderOf(robot, "ops-gw")));
        Node opsNode = robot.lookup("#device-ops-gw").query();
        assertThat(opsNode.getStyleClass()).contains("run-failed").doesNotContain("run-succeeded");
        assertThat(isRed(borderOf(robot, "ops-gw"))).as("ops-gw border " + borderOf(robot, "ops-gw")).isTrue();
        assertThat(badgeText(robot, "ops-gw")).startsWith("Failed: aziotks cannot read /var/aziot/secrets/");

        // Its children were never started: skipped, no step, grey on the canvas.
        for (String c : children) {
            assertThat(run.device(c).status()).as(states).isEqualTo(DeviceRunStatus.SKIPPED);
            assertThat(run.device(c).steps()).as(c + " ran no step").isEmpty();
            assertThat(run.device(c).summaryProperty().get()).as(c).isEqualTo(why.get(c));
            Node n = robot.lookup("#device-" + c).query();
            assertThat(n.getStyleClass()).as(c).contains("run-skipped").doesNotContain("run-succeeded", "run-failed", "run-running");
            assertThat(badgeText(robot, c)).isEqualTo("Skipped: parent not commissioned");
        }
        assertThat(childStates).as("the children went from pending to skipped, never running")
                .noneMatch(s -> s.endsWith(" " + DeviceRunStatus.RUNNING)).contains("line1-edge SKIPPED", "press-sensor-01 SKIPPED");

        // The other device stays green.
        assertThat(run.device("site-gw").status()).as(states).isIn(DeviceRunStatus.OK, DeviceRunStatus.WARNING);
        FxAwait.until(() -> isGreen(borderOf(robot, "site-gw")));
        assertThat(robot.lookup("#device-site-gw").query().getStyleClass()).contains("run-succeeded");
        assertThat(isGreen(borderOf(robot, "site-gw"))).as("site-gw border " + borderOf(robot, "site-gw")).isTrue();

        // The technician clicks ops-gw in the run list, then the Diagnosis tab: the F19 card with cause and fix.
        robot.clickOn(runListCell(robot, "ops-gw"));
        FxAwait.until(() -> window.commissioning().detail().shown() == ops);
        assertThat(window.commissioning().detail().shown()).isSameAs(ops);
        assertThat(window.model().selection()).containsExactly("ops-gw");
        robot.clickOn(tabLabel(robot, "Diagnosis"));
        FxAwait.until(() -> robot.lookup("#run-diagnoses .diagnosis-card").tryQuery().map(Node::isVisible).orElse(false));
        List<Node> cards = List.copyOf(robot.lookup("#run-diagnoses .diagnosis-card").queryAll());
        assertThat(cards).as("one diagnosis: F19, not a key-ownership (F20) one").hasSize(1);
        Node card = cards.get(0);
        assertThat(card.isVisible()).isTrue();
        String cause = robot.from(card).lookup(".diagnosis-cause").queryAs(Label.class).getText();
        String fix = robot.from(card).lookup(".diagnosis-fix").queryAs(Label.class).getText();
        assertThat(cause).contains("not traversable").contains("of a key for aziotks");
        assertThat(fix).startsWith("Fix: ").contains("/var/aziot/secrets 700 owned by aziotks").contains("namei -l");
        assertThat(robot.from(card).lookup(".panel-subtitle").queryAs(Label.class).getText()).contains("field case F19")
                .contains("FIX_CERT_FOLDER_MODES");
        assertThat(ops.remarks()).extracting(Remark::source).containsExactly("facts §4; field case F19");

        // The report still names every device, with ops-gw failed and its diagnosis.
        Path html = writeReportByClicking(robot, run);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        for (String id : plant.deviceIds()) {
            assertThat(summaryRow(text, id)).as("summary row of " + id).isNotEmpty();
        }
        assertThat(summaryRow(text, "ops-gw")).contains("Failed").contains("not traversable");
        assertThat(summaryRow(text, "line1-edge")).contains("Skipped");
        assertThat(summaryRow(text, "press-sensor-01")).contains("Skipped");
        assertThat(summaryRow(text, "site-gw")).doesNotContain("Failed", "Skipped");
        assertThat(text).contains("field case F19");
    }

    /** F19 on the key's path only: {@code /var/aziot} traversable by aziotcs (its group), not by aziotks. */
    private static void keyFolderNotTraversableByAziotks(VirtualCommissioning v, String deviceId) {
        try {
            DeviceFs fs = v.virtualPlant().device(deviceId).fs();
            fs.mkdirs("/var/aziot", "0750", "root");
            fs.setMode(fs.path("/var/aziot"), "0750");
            fs.setOwner(fs.path("/var/aziot"), "root", "aziotcs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 5 minutes) for the run the click started to end; the view gets the last event through runLater. */
    private static void awaitRunEnd(CommissioningModel run) {
        FxAwait.until(30, () -> run.runningProperty().get() || run.lastReportProperty().get() != null);
        FxAwait.until(300, () -> !run.runningProperty().get());
    }

    private static String statuses(CommissioningModel run) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder why = new StringBuilder(run.messageProperty().get());
            run.devices().forEach((id, v) -> why.append('\n').append(id).append(": ").append(v.status()).append(' ')
                    .append(v.summaryProperty().get()));
            return why.toString();
        }).get(10, TimeUnit.SECONDS);
    }

    /** Clicks Report and waits for the HTML and PDF beside the plant; returns the HTML file. */
    private Path writeReportByClicking(FxRobot robot, CommissioningModel run) {
        robot.clickOn("#run-report");
        FxAwait.until(120, () -> run.reportFileProperty().get() != null);
        Path html = run.reportFileProperty().get();
        assertThat(html).as("report written: " + run.messageProperty().get()).isNotNull();
        assertThat(html.getParent()).isEqualTo(dir);
        assertThat(html.getFileName().toString()).isEqualTo("plant-commissioning-report.html");
        assertThat(dir.resolve("plant-commissioning-report.pdf")).isNotEmptyFile();
        assertThat(robot.lookup("#run-report-path").queryAs(Label.class).getText()).contains("plant-commissioning-report.html");
        return html;
    }

    /** The report's summary-table row of a device, or empty. */
    private static String summaryRow(String html, String deviceId) {
        Matcher m = Pattern.compile("<tr><td class=\"wrap\"><a href=\"#[^\"]*\"><b>" + Pattern.quote(deviceId) + "</b></a>.*?</tr>",
                Pattern.DOTALL).matcher(html);
        return m.find() ? m.group() : "";
    }

    private static Color borderOf(FxRobot robot, String deviceId) {
        Region body = robot.lookup("#device-" + deviceId + " .device-body").queryAs(Region.class);
        Border b = body.getBorder();
        return b == null || b.getStrokes().isEmpty() || !(b.getStrokes().get(0).getTopStroke() instanceof Color c) ? Color.TRANSPARENT : c;
    }

    private static boolean isRed(Color c) {
        return c.getOpacity() > 0.5 && c.getRed() > 0.6 && c.getRed() > 2 * c.getGreen() && c.getRed() > 2 * c.getBlue();
    }

    private static boolean isGreen(Color c) {
        return c.getOpacity() > 0.5 && c.getGreen() > 1.3 * c.getRed() && c.getGreen() > 1.3 * c.getBlue();
    }

    private static String badgeText(FxRobot robot, String deviceId) {
        return robot.lookup("#run-badge-" + deviceId + " .run-text").queryAs(Label.class).getText();
    }

    private static Node runListCell(FxRobot robot, String deviceId) {
        return robot.lookup("#run-devices .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && deviceId.equals(c.getItem())).findFirst()
                .orElseThrow(() -> new AssertionError("no cell for " + deviceId + " in the run list"));
    }

    private static Node tabLabel(FxRobot robot, String prefix) {
        return robot.lookup("#run-detail-tabs .tab-label").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + prefix));
    }
}
