package io.nestedge.app.ui.commission;

import atlantafx.base.theme.Styles;
import io.nestedge.app.commission.CommissioningSession;
import io.nestedge.app.commission.DeviceRunView;
import io.nestedge.app.commission.HostKeyStop;
import io.nestedge.app.commission.StepRow;
import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.CheckResult;
import io.nestedge.commissioning.probe.ModuleStatus;
import io.nestedge.commissioning.report.RuntimeEvidence;
import io.nestedge.commissioning.run.Remark;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * One device's commissioning details: steps, {@code iotedge check} results as a table, modules from
 * {@code iotedge list}, diagnosis cards (cause and fix, with an Apply button for fixes the tool can
 * apply) and the step log; a red banner when a changed host key stopped the run.
 */
public final class DeviceDetailPane extends BorderPane {
    private final Label title = new Label("Select a device on the canvas");
    private final VBox banner = new VBox();
    private final TableView<StepRow> steps = new TableView<>();
    private final TableView<CheckEntry> checks = new TableView<>();
    private final TableView<ModuleStatus> modules = new TableView<>();
    private final VBox cards = new VBox(8);
    private final TextArea log = new TextArea();
    private final Tab checkTab;
    private final Tab diagTab;
    private final BiConsumer<String, String> applyRemedy;
    private DeviceRunView shown;
    private final ChangeListener<Object> refresh = (o, a, b) -> update();
    private final ListChangeListener<Object> listRefresh = c -> update();

    /**
     * @param applyRemedy called with device ID and remedy ID when Apply is pressed
     */
    public DeviceDetailPane(BiConsumer<String, String> applyRemedy) {
        this.applyRemedy = applyRemedy;
        getStyleClass().add("device-detail");
        title.getStyleClass().add("panel-title");
        steps.setId("run-steps");
        steps.getColumns().setAll(List.of(
                col("Result", r -> r.running() ? "running…" : r.fromJournal() ? "done earlier" : word(r.status().name()), 95, 95),
                col("Step", StepRow::title, 300, 220),
                col("Summary", StepRow::summary, 420, 150)));
        steps.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(StepRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("row-ok", "row-warning", "row-failed", "row-running");
                if (!empty && r != null) {
                    getStyleClass().add(r.running() ? "row-running" : switch (r.status()) {
                        case OK, SKIPPED -> "row-ok";
                        case WARNING -> "row-warning";
                        case FAILED, CANCELLED -> "row-failed";
                    });
                }
            }
        });
        checks.setId("run-checks");
        checks.getColumns().setAll(List.of(
                col("Result", c -> word(c.result().name()), 80, 80),
                col("Check", CheckEntry::id, 230, 190),
                col("Description", CheckEntry::description, 330, 120),
                col("Details", CheckEntry::detailText, 420, 150)));
        checks.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CheckEntry c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("row-ok", "row-warning", "row-failed");
                if (!empty && c != null) {
                    CheckResult r = c.result();
                    getStyleClass().add(r == CheckResult.OK ? "row-ok" : r == CheckResult.WARNING ? "row-warning"
                            : r == CheckResult.ERROR || r == CheckResult.FATAL ? "row-failed" : "row-skipped");
                }
            }
        });
        modules.setId("run-modules");
        modules.getColumns().setAll(List.of(col("Module", ModuleStatus::name, 200, 140),
                col("State", m -> word(m.state().name()), 90, 80), col("Description", ModuleStatus::description, 220, 110),
                col("Image", ModuleStatus::image, 420, 150)));
        for (TableView<?> t : List.of(steps, checks, modules)) {
            // fit the panel (no sideways scrolling); the last column gives or takes the room first
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.getStyleClass().addAll(Styles.DENSE, "run-table");
            t.setPlaceholder(new Label("Nothing yet"));
        }
        log.setEditable(false);
        log.setId("run-log");
        log.getStyleClass().add("run-log");
        cards.setId("run-diagnoses");
        cards.getStyleClass().add("diagnosis-cards");
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        checkTab = new Tab("iotedge check", checks);
        diagTab = new Tab("Diagnosis", cardScroll);
        TabPane tabs = new TabPane(new Tab("Steps", steps), checkTab, new Tab("Modules", modules), diagTab, new Tab("Log", log));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("run-detail-tabs");
        tabs.setTabMinWidth(70);
        tabs.setTabMaxWidth(240);
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(8, title);
        head.getStyleClass().add("detail-header");
        setTop(new VBox(head, banner));
        setCenter(tabs);
    }

    /** Errors first, then warnings, ok, skipped (stable within each). */
    private static int rank(CheckResult r) {
        return switch (r) {
            case FATAL, ERROR -> 0;
            case WARNING -> 1;
            case OK -> 2;
            case SKIPPED, IGNORED -> 3;
        };
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private static <T> TableColumn<T, String> col(String name, java.util.function.Function<T, String> f, double width,
            double minWidth) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : f.apply(d.getValue())));
        c.setCellFactory(x -> new TextCell<>());
        c.setPrefWidth(width);
        c.setMinWidth(minWidth);
        c.setSortable(false);
        return c;
    }

    /** A text cell whose tooltip holds the whole text (columns fit the panel, long text ends in "…"). */
    private static final class TextCell<T> extends javafx.scene.control.TableCell<T, String> {
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            tip.setText(text);
            setTooltip(empty || text == null || text.isEmpty() ? null : tip);
        }
    }

    /** Shows a device's state (null: nothing). */
    public void show(DeviceRunView v) {
        if (shown != null) {
            shown.statusProperty().removeListener(refresh);
            shown.currentStepProperty().removeListener(refresh);
            shown.evidenceProperty().removeListener(refresh);
            shown.hostKeyStopProperty().removeListener(refresh);
            shown.logProperty().removeListener(refresh);
            shown.remarks().removeListener(listRefresh);
        }
        shown = v;
        if (v != null) {
            steps.setItems(v.steps());
            v.statusProperty().addListener(refresh);
            v.currentStepProperty().addListener(refresh);
            v.evidenceProperty().addListener(refresh);
            v.hostKeyStopProperty().addListener(refresh);
            v.logProperty().addListener(refresh);
            v.remarks().addListener(listRefresh);
        } else {
            steps.setItems(FXCollections.observableArrayList());
        }
        update();
    }

    /** The device shown, or null. */
    public DeviceRunView shown() {
        return shown;
    }

    private void update() {
        DeviceRunView v = shown;
        if (v == null) {
            title.setText("Select a device on the canvas");
            checks.getItems().clear();
            modules.getItems().clear();
            cards.getChildren().clear();
            log.clear();
            banner.getChildren().clear();
            return;
        }
        String what = v.status() == io.nestedge.app.commission.DeviceRunStatus.RUNNING ? v.currentStepProperty().get()
                : v.summaryProperty().get();
        title.setText(v.deviceId() + (v.status() == null ? " — not commissioned in this session" : " — " + v.status().label()
                + (what.isEmpty() ? "" : ": " + what)));
        RuntimeEvidence e = v.evidenceProperty().get();
        checks.getItems().setAll(e.check() == null ? List.of() : e.check().checks().stream()
                .sorted(java.util.Comparator.comparingInt(c -> rank(c.result()))).toList());
        checks.setPlaceholder(new Label(e.checkProblem().isEmpty() ? "iotedge check has not run yet" : e.checkProblem()));
        long[] n = e.checkCounts();
        checkTab.setText(n == null ? "iotedge check" : "iotedge check " + n[0] + "/" + n[1] + "/" + n[2]);
        checkTab.setTooltip(new javafx.scene.control.Tooltip(n == null ? "not run yet" : n[0] + " ok, " + n[1] + " warning(s), "
                + n[2] + " error(s), " + n[3] + " skipped"));
        modules.getItems().setAll(e.modules() == null ? List.of() : e.modules());
        diagTab.setText(v.remarks().isEmpty() ? "Diagnosis" : "Diagnosis (" + v.remarks().size() + ")");
        cards.getChildren().setAll(v.remarks().stream().map(r -> card(v.deviceId(), r)).toList());
        if (v.remarks().isEmpty()) {
            Label none = new Label("No diagnosis: every failed step's cause and fix appears here.");
            none.getStyleClass().add("panel-subtitle");
            cards.getChildren().add(none);
        }
        if (!log.getText().equals(v.logProperty().get())) {
            log.setText(v.logProperty().get());
            log.positionCaret(log.getLength());
        }
        HostKeyStop stop = v.hostKeyStopProperty().get();
        banner.getChildren().clear();
        if (stop != null) {
            Label l = new Label("HOST KEY CHANGED for " + stop.host() + " — the run stopped before logging in.\nExpected: "
                    + String.join(" or ", stop.expected()) + "\nPresented: " + stop.keyType() + " " + stop.actual()
                    + "\nIf the device was reinstalled, compare the new fingerprint on its console (ssh-keygen -lf "
                    + "/etc/ssh/ssh_host_*_key.pub), then remove the old entry from the known_hosts file. Otherwise do not connect.",
                    new FontIcon(MaterialDesignL.LOCK_ALERT));
            l.setWrapText(true);
            l.getStyleClass().add("host-key-stop");
            l.setId("host-key-stop");
            banner.getChildren().add(l);
        }
    }

    private VBox card(String deviceId, Remark r) {
        Label cause = new Label(r.cause());
        cause.setWrapText(true);
        cause.getStyleClass().add("diagnosis-cause");
        Label fix = new Label("Fix: " + r.fix(), new FontIcon(MaterialDesignW.WRENCH));
        fix.setWrapText(true);
        fix.getStyleClass().add("diagnosis-fix");
        VBox card = new VBox(4, cause, fix);
        card.getStyleClass().add("diagnosis-card");
        if (!r.source().isEmpty()) {
            Label src = new Label("Source: " + r.source() + (r.remedyId().isEmpty() ? "" : " · remedy " + r.remedyId()));
            src.getStyleClass().add("panel-subtitle");
            card.getChildren().add(src);
        }
        if (CommissioningSession.canApply(r.remedyId())) {
            Button apply = new Button("Apply: re-create edgeHub and edgeAgent, then verify again");
            apply.getStyleClass().add(Styles.ACCENT);
            apply.setId("apply-" + r.remedyId());
            apply.setOnAction(e -> applyRemedy.accept(deviceId, r.remedyId()));
            HBox row = new HBox(apply);
            HBox.setHgrow(apply, Priority.NEVER);
            card.getChildren().add(row);
        }
        return card;
    }
}
