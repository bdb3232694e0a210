package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.ContainerEngineSettings.LogDriver;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Validator;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plant sheet's "Container engine" rows: values, checks, and undoable commits. */
class ContainerEngineRowsTest {
    private static InspectorField row(Plant p, String name) {
        return InspectorModel.plant(p).stream().filter(f -> f.category().equals("Container engine") && f.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    @Test
    void thePlantSheetShowsTheSamplesSettings() {
        Plant p = SamplePlants.sample();
        assertThat(row(p, "DNS servers").value()).isEqualTo("10.0.3.53");
        assertThat(row(p, "Log driver").value()).isEqualTo("local");
        assertThat(row(p, "Log driver").choices()).containsExactly("local", "json-file");
        assertThat(row(p, "Log max size").value()).isEqualTo("10m");
        assertThat(row(p, "Log max files").value()).isEqualTo("3");
        Plant none = p.withContainerEngine(ContainerEngineSettings.NONE);
        assertThat(row(none, "DNS servers").value()).isEmpty();
        assertThat(row(none, "Log max size").value()).isEmpty();
    }

    @Test
    void everyEditIsOneUndoableCommand() {
        DesignerModel m = new DesignerModel(SamplePlants.sample(), Validator::validate);
        m.execute(row(m.plant(), "DNS servers").commitText("10.0.3.53, 10.0.4.53").orElseThrow());
        assertThat(m.plant().containerEngine().dns()).containsExactly("10.0.3.53", "10.0.4.53");
        assertThat(m.undoTextProperty().get()).isEqualTo("Undo Set container DNS servers");
        m.execute(row(m.plant(), "Log driver").commitText("json-file").orElseThrow());
        assertThat(m.plant().containerEngine().logDriver()).isEqualTo(LogDriver.JSON_FILE);
        m.execute(row(m.plant(), "Log max files").commitText("5").orElseThrow());
        assertThat(m.plant().containerEngine().logMaxFiles()).isEqualTo(5);
        m.undo();
        m.undo();
        m.undo();
        assertThat(m.plant()).isEqualTo(SamplePlants.sample());
        m.redo();
        assertThat(m.plant().containerEngine().dns()).containsExactly("10.0.3.53", "10.0.4.53");
    }

    @Test
    void aFirstLogSizeBringsThreeFilesAndClearingItStopsManagingLogs() {
        DesignerModel m = new DesignerModel(SamplePlants.sample().withContainerEngine(ContainerEngineSettings.NONE), Validator::validate);
        m.execute(row(m.plant(), "Log max size").commitText("10m").orElseThrow());
        assertThat(m.plant().containerEngine().logMaxSize()).isEqualTo("10m");
        assertThat(m.plant().containerEngine().logMaxFiles()).isEqualTo(3);
        assertThat(m.findings().all()).noneMatch(f -> f.ruleId().startsWith("NE-ENGINE-LOG"));
        m.execute(row(m.plant(), "Log max size").commitText("").orElseThrow());
        assertThat(m.plant().containerEngine().managesLogs()).isFalse();
        assertThat(m.plant().containerEngine().logMaxFiles()).isZero();
        assertThat(m.findings().all()).noneMatch(f -> f.ruleId().equals("NE-ENGINE-LOG-SIZE"));
    }

    @Test
    void typedMistakesAreShownAndTheValidatorReportsThemOnCommit() {
        Plant p = SamplePlants.sample();
        assertThat(row(p, "DNS servers").check().apply("10.0.3.53, dns.contoso-plant.local")).get().asString()
                .contains("'dns.contoso-plant.local' is not an IP address");
        assertThat(row(p, "DNS servers").check().apply("10.0.3.53 fd00::53")).isEmpty();
        assertThat(row(p, "Log max size").check().apply("10 MB")).isPresent();
        assertThat(row(p, "Log max size").check().apply("")).isEmpty();
        assertThat(row(p, "Log max files").commitText("-1")).as("blocking").isEmpty();
        DesignerModel m = new DesignerModel(p, Validator::validate);
        m.execute(row(p, "DNS servers").commitText("dns.contoso-plant.local").orElseThrow());
        assertThat(m.findings().all()).anyMatch(f -> f.ruleId().equals("NE-ENGINE-DNS") && f.field().equals("containerEngine.dns[0]"));
        assertThat(InspectorModel.categoryOf("containerEngine.dns[0]")).contains("Container engine");
    }

    @Test
    void deletingDevicesKeepsThePlantWideSettings() {
        Plant p = SamplePlants.sample();
        Plant after = Commands.delete(Set.of("press-sensor-01")).apply(p);
        assertThat(after.containerEngine()).isEqualTo(p.containerEngine());
        assertThat(after.size()).isEqualTo(3);
        assertThat(ContainerEngineRows.parseDns(" 10.0.3.53,,10.0.4.53  fd00::53 ")).isEqualTo(List.of("10.0.3.53", "10.0.4.53", "fd00::53"));
    }
}
