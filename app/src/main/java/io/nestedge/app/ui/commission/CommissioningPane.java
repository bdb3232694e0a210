package io.nestedge.app.ui.commission;

import atlantafx.base.theme.Styles;
import io.nestedge.app.commission.CommissioningModel;
import io.nestedge.app.commission.CommissioningSession;
import io.nestedge.app.commission.CommissioningTarget;
import io.nestedge.app.commission.DeviceRunStatus;
import io.nestedge.app.commission.DeviceRunView;
import io.nestedge.app.commission.DeviceTarget;
import io.nestedge.app.commission.FxPrompt;
import io.nestedge.app.commission.Logins;
import io.nestedge.app.commission.RehearsalTarget;
import io.nestedge.app.commission.RunScope;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.commissioning.service.VirtualCommissioning;
import io.nestedge.model.Plant;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The commissioning view below the canvas: target (virtual plant rehearsal or real devices), logins
 * and bundles for real devices, Start all / selected / failed only, Resume, Cancel, Report, progress;
 * the devices of the run with their status, and the selected device's details. It only binds and
 * dispatches: state lives in {@link CommissioningModel}, runs in {@link CommissioningSession}.
 */
public final class CommissioningPane extends BorderPane {
    private final DesignerModel design;
    private final CommissioningModel run = new CommissioningModel();
    private final CommissioningSession session;
    private final DeviceDetailPane detail;
    private final ListView<String> list = new ListView<>();
    private final Label note = new Label();
    private final Label reportLabel = new Label();
    private Button reportButton;
    private ToolBar actionsBar;
    private Logins logins;
    private Path deviceBundles;
    private char[] bundlePassphrase;
    private Consumer<VirtualCommissioning> rehearsalHook;
    private Consumer<String> openDocument = s -> { };
    private boolean syncingSelection;

    /**
     * @param design the designer model (plant, selection)
     * @param journalDir where run journals go when the plant is not saved yet
     */
    public CommissioningPane(DesignerModel design, Path journalDir) {
        this.design = design;
        getStyleClass().addAll("commissioning-pane", "side-panel");
        setId("commissioning-pane");
        this.session = new CommissioningSession(run, Platform::runLater, this::openTarget, journalDir);
        detail = new DeviceDetailPane((id, remedy) -> session.applyRemedy(design.plant(), id, remedy));
        run.sync(design.plant());
        design.plantProperty().addListener((o, a, b) -> {
            run.sync(b);
            refreshList();
        });
        ToolBar tb = toolBar();
        setTop(new VBox(tb, actionsBar, noteBar()));
        list.setId("run-devices");
        list.setCellFactory(v -> new DeviceCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            detail.show(b == null ? null : run.device(b));
            if (b != null && !syncingSelection) {
                syncingSelection = true;
                design.select(List.of(b));
                syncingSelection = false;
            }
        });
        design.selection().addListener((SetChangeListener<String>) c -> {
            if (!syncingSelection && design.selection().size() == 1) {
                syncingSelection = true;
                list.getSelectionModel().select(design.selection().iterator().next());
                syncingSelection = false;
            }
        });
        list.setPrefWidth(250);
        list.setMinWidth(180);
        SplitPane body = new SplitPane(list, detail);
        body.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(list, false);
        setCenter(body);
        refreshList();
        run.targetProperty().addListener((o, a, b) -> updateNote());
        run.messageProperty().addListener((o, a, b) -> updateNote());
        updateNote();
    }

    private void refreshList() {
        String sel = list.getSelectionModel().getSelectedItem();
        list.getItems().setAll(design.plant().deviceIds());
        if (sel != null && list.getItems().contains(sel)) {
            list.getSelectionModel().select(sel);
        }
        for (DeviceRunView v : run.devices().values()) {
            v.statusProperty().addListener((o, a, b) -> list.refresh());
            v.currentStepProperty().addListener((o, a, b) -> list.refresh());
        }
    }

    private ToolBar toolBar() {
        ChoiceBox<CommissioningModel.Target> target = new ChoiceBox<>();
        target.getItems().setAll(CommissioningModel.Target.values());
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(CommissioningModel.Target t) {
                return t == null ? "" : t == CommissioningModel.Target.REHEARSAL ? "Virtual plant (rehearsal)" : "Real devices (SSH)";
            }

            @Override
            public CommissioningModel.Target fromString(String s) {
                return null;
            }
        });
        target.valueProperty().bindBidirectional(run.targetProperty());
        target.setId("run-target");
        target.disableProperty().bind(run.runningProperty());
        Button creds = button("Logins…", MaterialDesignK.KEY_VARIANT, "SSH user, key or password, sudo password (memory only)",
                this::askLogins);
        Button bundles = button("Bundles…", MaterialDesignF.FOLDER_OPEN, "The export folder to commission from", this::chooseBundles);
        for (Button b : List.of(creds, bundles)) {
            b.visibleProperty().bind(run.targetProperty().isEqualTo(CommissioningModel.Target.DEVICES));
            b.managedProperty().bind(b.visibleProperty());
            b.disableProperty().bind(run.runningProperty());
        }
        Button all = button("Start all", MaterialDesignP.PLAY, "Commission every device, top layer first", () -> start(RunScope.ALL, false));
        all.setId("run-start-all");
        Button selected = button("Selected", MaterialDesignP.PLAY_OUTLINE, "Commission the devices selected on the canvas",
                () -> start(RunScope.SELECTED, false));
        selected.setId("run-start-selected");
        Button failed = button("Failed only", MaterialDesignR.REPLAY, "Run the failed devices again, with their skipped children",
                () -> start(RunScope.FAILED, false));
        failed.setId("run-start-failed");
        Button resume = button("Resume", MaterialDesignS.SKIP_NEXT, "Continue the last run: steps the journal records as done are skipped",
                () -> session.resume(design.plant()));
        resume.setId("run-resume");
        Button cancel = button("Cancel", MaterialDesignS.STOP, "Cancel the run", session::cancel);
        cancel.setId("run-cancel");
        Button report = button("Report", MaterialDesignF.FILE_DOCUMENT_OUTLINE, "Write the commissioning report (HTML and PDF) beside the plant",
                this::writeReport);
        report.setId("run-report");
        report.getStyleClass().add(Styles.SMALL);
        for (Button b : List.of(all, selected, failed)) {
            b.disableProperty().bind(run.runningProperty());
        }
        selected.disableProperty().unbind();
        selected.disableProperty().bind(run.runningProperty().or(Bindings.isEmpty(design.selection())));
        resume.disableProperty().bind(run.runningProperty().or(run.resumableProperty().not()));
        cancel.disableProperty().bind(run.runningProperty().not());
        report.disableProperty().bind(run.runningProperty().or(run.journalProperty().isNull()));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(run.progressProperty());
        progress.setPrefWidth(160);
        progress.setId("run-progress");
        progress.visibleProperty().bind(run.runningProperty().or(run.progressProperty().greaterThan(0)));
        Label progressText = new Label();
        progressText.setId("run-progress-text");
        progressText.getStyleClass().add("run-progress-text");
        progressText.textProperty().bind(run.progressTextProperty());
        progressText.visibleProperty().bind(progress.visibleProperty());
        Label title = new Label("Commissioning", new FontIcon(MaterialDesignC.CHIP));
        title.getStyleClass().add("panel-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        this.reportButton = report;
        ToolBar tb = new ToolBar(title, target, creds, bundles, grow, progressText, progress);
        tb.getStyleClass().add("run-toolbar");
        actionsBar = new ToolBar(all, selected, failed, resume, cancel);
        actionsBar.getStyleClass().addAll("run-toolbar", "run-actions");
        return tb;
    }

    private HBox noteBar() {
        note.setId("run-message");
        note.getStyleClass().add("run-note");
        note.setWrapText(true);
        reportLabel.getStyleClass().add("run-note");
        reportLabel.setId("run-report-path");
        Button open = new Button("Open");
        open.setId("run-report-open");
        open.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        open.visibleProperty().bind(run.reportFileProperty().isNotNull());
        open.setOnAction(e -> openDocument.accept(run.reportFileProperty().get().toUri().toString()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, note, grow, reportLabel, open, reportButton);
        HBox.setHgrow(note, Priority.SOMETIMES);
        bar.getStyleClass().add("run-note-bar");
        return bar;
    }

    private void updateNote() {
        String m = run.messageProperty().get();
        if (!m.isEmpty()) {
            note.setText(m);
        } else if (run.targetProperty().get() == CommissioningModel.Target.REHEARSAL) {
            note.setText("Rehearsal: the plant is exported into a temporary folder with a throwaway PKI, generated SAS keys and "
                    + "plain keys, then commissioned on emulated devices on this laptop. Nothing is kept.");
        } else {
            note.setText("Real devices: give the logins and the export folder (bundles); unknown host keys are shown for you to check.");
        }
    }

    private static Button button(String text, Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void start(RunScope scope, boolean resume) {
        Plant plant = design.plant();
        if (run.targetProperty().get() == CommissioningModel.Target.DEVICES && !readyForDevices()) {
            return;
        }
        List<String> ids = scope.devices(plant, design.selection(), run.statuses());
        if (ids.isEmpty()) {
            run.messageProperty().set(scope == RunScope.FAILED ? "No failed device to run again." : "Select devices on the canvas first.");
            return;
        }
        session.start(plant, ids, resume);
    }

    private boolean readyForDevices() {
        if (logins == null) {
            askLogins();
        }
        if (logins != null && deviceBundles == null) {
            chooseBundles();
        }
        return logins != null && deviceBundles != null;
    }

    private void askLogins() {
        Optional<Logins> l = CredentialsDialog.ask(window());
        l.ifPresent(x -> {
            if (logins != null) {
                logins.wipe();
            }
            logins = x;
            run.messageProperty().set("Logins set: " + x + " (memory only).");
        });
    }

    private void chooseBundles() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export folder with the device bundles");
        Path f = design.fileProperty().get();
        if (f != null && f.getParent() != null) {
            dc.setInitialDirectory(f.getParent().toFile());
        }
        File dir = dc.showDialog(window());
        if (dir != null) {
            useBundles(dir.toPath(), null);
        }
    }

    /**
     * Commissions real devices from this export folder (the export wizard calls it after an export).
     *
     * @param dir the export folder
     * @param passphrase the USB bundles' key pass phrase (copied), or null for plain keys
     */
    public void useBundles(Path dir, char[] passphrase) {
        deviceBundles = dir;
        if (bundlePassphrase != null) {
            java.util.Arrays.fill(bundlePassphrase, '\0');
        }
        bundlePassphrase = passphrase == null ? null : passphrase.clone();
        run.messageProperty().set("Bundles: " + dir);
    }

    private CommissioningTarget openTarget(Plant plant, CommissioningModel.Target kind, io.nestedge.model.export.ExportProgress progress,
            java.util.function.BooleanSupplier cancelled) throws Exception {
        if (kind == CommissioningModel.Target.REHEARSAL) {
            return RehearsalTarget.prepare(plant, progress, cancelled, rehearsalHook);
        }
        Path known = DeviceTarget.defaultKnownHosts();
        Files.createDirectories(known.getParent());
        char[] pass = bundlePassphrase;
        Path userKnown = logins.trustUserKnownHosts() ? Path.of(System.getProperty("user.home"), ".ssh", "known_hosts") : null;
        return new DeviceTarget(known, userKnown, new FxPrompt(Platform::runLater, k -> HostKeyDialog.ask(window(), k)), logins, deviceBundles,
                () -> pass == null ? null : pass.clone());
    }

    private void writeReport() {
        Plant plant = design.plant();
        Path file = design.fileProperty().get();
        Path dir = file != null && file.getParent() != null ? file.getParent() : run.journalProperty().get().getParent();
        String base = file != null ? file.getFileName().toString().replaceFirst("\\.[^.]+$", "") : plant.name();
        run.messageProperty().set("Writing the report…");
        session.worker().submit(() -> {
            try {
                List<Path> files = session.writeReport(plant, dir, base);
                Platform.runLater(() -> {
                    run.reportFileProperty().set(files.get(0));
                    reportLabel.setText("Report: " + files.get(0) + " and " + files.get(1).getFileName());
                    run.messageProperty().set("Report written for " + plant.size() + " device(s).");
                });
            } catch (Exception e) {
                Platform.runLater(() -> run.messageProperty().set("Cannot write the report: " + e.getMessage()));
            }
        });
    }

    /** Opens documents ({@code HostServices::showDocument}). */
    public void setOpenDocument(Consumer<String> open) {
        this.openDocument = open;
    }

    /** Test hook: called with the virtual plant after a rehearsal starts (to break a device). */
    public void setRehearsalHook(Consumer<VirtualCommissioning> hook) {
        this.rehearsalHook = hook;
    }

    /** The view-model (tests, screenshots). */
    public CommissioningModel model() {
        return run;
    }

    /** The session (tests). */
    public CommissioningSession session() {
        return session;
    }

    /** The selected device's details (tests). */
    public DeviceDetailPane detail() {
        return detail;
    }

    /** Stops runs and the virtual plant. */
    public void shutdown() {
        session.close();
        if (logins != null) {
            logins.wipe();
        }
    }

    /** A device in the run list: status icon, ID, current step or summary. */
    private final class DeviceCell extends ListCell<String> {
        DeviceCell() {
            // as wide as the list, not as the text: a long step title ends in "…" (full text in the tooltip)
            setPrefWidth(0);
            setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            getStyleClass().removeIf(c -> c.startsWith("run-"));
            if (empty || id == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            DeviceRunView v = run.device(id);
            DeviceRunStatus s = v.status();
            FontIcon icon = new FontIcon(s == null ? MaterialDesignC.CIRCLE_OUTLINE : switch (s) {
                case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
                case RUNNING -> MaterialDesignS.SYNC;
                case OK -> MaterialDesignC.CHECK_CIRCLE;
                case WARNING -> MaterialDesignA.ALERT_CIRCLE;
                case FAILED -> MaterialDesignC.CLOSE_CIRCLE;
                case SKIPPED -> MaterialDesignS.SKIP_NEXT_CIRCLE;
                case CANCELLED -> MaterialDesignC.CANCEL;
            });
            icon.getStyleClass().add("run-icon");
            if (s != null) {
                getStyleClass().add(s.styleClass());
            }
            String line = s == null ? "not run" : s == DeviceRunStatus.RUNNING ? v.currentStepProperty().get() : s.label();
            setText(id + "  ·  " + line);
            setGraphic(icon);
            String more = s == null || s == DeviceRunStatus.RUNNING ? "" : v.summaryProperty().get();
            setTooltip(new Tooltip(id + ": " + line + (more.isEmpty() || more.equals(line) ? "" : "\n" + more)));
        }
    }
}
