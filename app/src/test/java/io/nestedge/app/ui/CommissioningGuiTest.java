package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.commission.CommissioningModel;
import io.nestedge.app.commission.DeviceRunStatus;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rehearses the sample plant from the UI (TestFX, Monocle): Start all on the virtual plant turns
 * every device green on the canvas with its TLS links verified, and Report writes HTML and PDF
 * beside the plant naming every device. One full rehearsal (about 30 s here).
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.device("site-gw").status() == DeviceRunStatus.RUNNING
                || run.device("site-gw").status() != null && run.device("site-gw").status().finished());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> run.lastReportProperty().get() != null || !run.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder why = new StringBuilder(run.messageProperty().get());
        run.devices().forEach((id, v) -> why.append('\n').append(id).append(": ").append(v.status()).append(' ').append(v.summaryProperty().get()));
        for (String id : plant.deviceIds()) {
            assertThat(run.device(id).status()).as(why.toString()).isIn(DeviceRunStatus.OK, DeviceRunStatus.WARNING);
            Node node = robot.lookup("#device-" + id).query();
            assertThat(node.getStyleClass()).as(id).contains("run-succeeded").doesNotContain("run-failed");
            assertThat(robot.lookup("#run-badge-" + id).tryQuery()).as("status badge of " + id).isPresent();
        }
        assertThat(window.canvas().linkTls("ops-gw")).isEqualTo("tls-ok");
        assertThat(window.canvas().linkTls("line1-edge")).isEqualTo("tls-ok");
        assertThat(robot.lookup("#tls-ops-gw").tryQuery()).isPresent();

        // The device panel shows the iotedge check table and the modules of the selected device.
        robot.interact(() -> window.model().select(List.of("site-gw")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.commissioning().detail().shown().deviceId()).isEqualTo("site-gw");
        assertThat(robot.lookup("#run-checks").queryTableView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#run-modules").queryTableView().getItems()).isNotEmpty();

        robot.clickOn("#run-report");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.reportFileProperty().get() != null);
        Path html = run.reportFileProperty().get();
        assertThat(html.getParent()).isEqualTo(dir);
        assertThat(html.getFileName().toString()).isEqualTo("plant-commissioning-report.html");
        assertThat(dir.resolve("plant-commissioning-report.pdf")).isNotEmptyFile();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        for (String id : plant.deviceIds()) {
            assertThat(text).contains(id);
        }
        assertThat(robot.lookup("#run-report-path").queryAs(Label.class).getText()).contains("plant-commissioning-report.html");
    }
}
