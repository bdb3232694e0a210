package io.nestedge.app.ui;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.Viewport;
import io.nestedge.model.rules.Severity;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** Status bar: last message (command, refusal reason), device count, findings counts, zoom. */
public final class StatusBar extends HBox {
    private final Label devices = new Label();
    private final Label errors = new Label();
    private final Label warnings = new Label();
    private final Label zoom = new Label();

    /**
     * @param model the engine
     * @param viewport the canvas viewport
     */
    public StatusBar(DesignerModel model, ObservableValue<Viewport> viewport) {
        getStyleClass().add("status-bar");
        Label message = new Label();
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        message.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        message.setMinWidth(0);
        devices.setGraphic(Icons.of(MaterialDesignL.LAN));
        devices.setId("status-devices");
        errors.setGraphic(Icons.severity(Severity.ERROR));
        errors.getStyleClass().add("sev-error");
        errors.setId("status-errors");
        warnings.setGraphic(Icons.severity(Severity.WARNING));
        warnings.getStyleClass().add("sev-warning");
        zoom.setGraphic(Icons.of(MaterialDesignM.MAGNIFY));
        zoom.setId("status-zoom");
        getChildren().addAll(message, grow, devices, errors, warnings, zoom);
        model.plantProperty().addListener((o, a, b) -> update(model));
        model.findingsProperty().addListener((o, a, b) -> update(model));
        viewport.addListener((o, a, b) -> zoom.setText(Math.round(b.zoom() * 100) + " %"));
        zoom.setText(Math.round(viewport.getValue().zoom() * 100) + " %");
        update(model);
    }

    private void update(DesignerModel model) {
        int n = model.plant().size();
        devices.setText(n + (n == 1 ? " device" : " devices"));
        FindingsSummary f = model.findings();
        errors.setText(f.count(Severity.ERROR) + (f.count(Severity.ERROR) == 1 ? " error" : " errors"));
        warnings.setText(f.count(Severity.WARNING) + (f.count(Severity.WARNING) == 1 ? " warning" : " warnings"));
    }
}
