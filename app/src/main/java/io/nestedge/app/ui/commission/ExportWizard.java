package io.nestedge.app.ui.commission;

import atlantafx.base.theme.Styles;
import io.nestedge.app.commission.ExportRun;
import io.nestedge.app.commission.ExportWizardModel;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.model.Device;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.rules.Finding;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The export wizard (own pages; state and rules in {@link ExportWizardModel}): 1 findings and output
 * folder, 2 CA source (generate, import existing PEM/PKCS#12 files, or the store's), 3 key transport and provisioning secrets, 4 export with progress and cancel,
 * then the export report (root CA fingerprint). Findings with errors block the export; each links to
 * its device (selected and revealed on the canvas).
 */
public final class ExportWizard {
    private static final String[] TITLES = {"1 · Check and output folder", "2 · Certificate authority",
        "3 · Key transport and provisioning secrets", "4 · Export"};
    private final ExportWizardModel m;
    private final Window owner;
    private final DesignerModel design;
    private final Consumer<String> reveal;
    private final CommissioningPane commissioning;
    private final StackPane pages = new StackPane();
    private final Label pageTitle = new Label();
    private final Label problem = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final TextArea report = new TextArea();
    private final Node[] pageNodes = new Node[4];
    private Dialog<ButtonType> dialog;
    private Task<BundleExport.Result> task;
    /** One export at a time: Export stays disabled ("Cancelling…") until a cancelled export's thread has ended. */
    private final ExportRun run = new ExportRun(javafx.application.Platform::runLater);
    private int page;
    /** The page shown, observable: Back's state follows it (bound to the plain int, Back kept its first state). */
    private final javafx.beans.property.IntegerProperty shownPage = new javafx.beans.property.SimpleIntegerProperty(0);

    private ExportWizard(Window owner, DesignerModel design, Consumer<String> reveal, CommissioningPane commissioning) {
        this.owner = owner;
        this.design = design;
        this.reveal = reveal;
        this.commissioning = commissioning;
        this.m = new ExportWizardModel(design.plant(), design.fileProperty().get());
    }

    /**
     * Shows the wizard for the open plant.
     *
     * @param owner the window
     * @param design the designer model
     * @param reveal centres the canvas on a device
     * @param commissioning receives the export folder ("Commission these bundles")
     */
    public static void show(Window owner, DesignerModel design, Consumer<String> reveal, CommissioningPane commissioning) {
        new ExportWizard(owner, design, reveal, commissioning).open();
    }

    private void open() {
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export bundles — " + m.plant().name());
        dialog.setResizable(true);
        pageNodes[0] = checkPage();
        pageNodes[1] = caPage();
        pageNodes[2] = secretsPage();
        pageNodes[3] = exportPage();
        pageTitle.getStyleClass().add(Styles.TITLE_4);
        problem.getStyleClass().add("inspector-problem");
        problem.setWrapText(true);
        VBox content = new VBox(10, pageTitle, pages, problem);
        content.setPrefSize(720, 480);
        VBox.setVgrow(pages, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("export-wizard");
        ButtonType back = new ButtonType("Back", ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonType next = new ButtonType("Next", ButtonBar.ButtonData.NEXT_FORWARD);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(back, next, export, ButtonType.CLOSE);
        Button bBack = (Button) dialog.getDialogPane().lookupButton(back);
        Button bNext = (Button) dialog.getDialogPane().lookupButton(next);
        Button bExport = (Button) dialog.getDialogPane().lookupButton(export);
        Button bClose = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
        bBack.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            go(page - 1);
        });
        bNext.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            go(page + 1);
        });
        bExport.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            runExport();
        });
        bClose.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (run.isAlive()) {
                run.cancel();
                e.consume();
            }
        });
        bExport.setDefaultButton(true);
        bExport.setId("export-run");
        bExport.textProperty().bind(run.buttonText());
        bExport.disableProperty().bind(run.busy());
        // reads shownPage (not the int): a property nobody reads stays invalid and signals no later change
        bBack.disableProperty().bind(Bindings.createBooleanBinding(() -> shownPage.get() == 0 || busy(), progress.progressProperty(),
                run.stateProperty(), shownPage));
        go(0);
        bNext.setDisable(false);
        dialog.showAndWait();
        run.cancel(); // the export thread removes what it started and ends by itself
        m.clearSecrets();
    }

    private boolean busy() {
        return run.isAlive();
    }

    private void go(int p) {
        page = Math.max(0, Math.min(3, p));
        shownPage.set(page);
        pages.getChildren().setAll(pageNodes[page]);
        pageTitle.setText(TITLES[page]);
        updateProblem();
    }

    private void updateProblem() {
        List<String> ps = m.problems();
        problem.setText(ps.isEmpty() ? "" : ps.get(0) + (ps.size() > 1 ? "  (+" + (ps.size() - 1) + " more)" : ""));
    }

    private Node checkPage() {
        VBox box = new VBox(8);
        List<Finding> errors = m.blockingFindings();
        if (errors.isEmpty()) {
            Label ok = new Label("The plant validates without errors.");
            ok.getStyleClass().add(Styles.SUCCESS);
            box.getChildren().add(ok);
        } else {
            Label head = new Label(errors.size() + " error(s) block the export. Click one to select its device:");
            head.getStyleClass().add(Styles.DANGER);
            box.getChildren().add(head);
            for (Finding f : errors) {
                Hyperlink l = new Hyperlink((f.deviceId().isEmpty() ? "plant" : f.deviceId()) + ": " + f.message()
                        + (f.fix().isEmpty() ? "" : " — " + f.fix()));
                l.setWrapText(true);
                l.getStyleClass().add("export-finding");
                l.setOnAction(e -> {
                    if (!f.deviceId().isEmpty()) {
                        design.select(List.of(f.deviceId()));
                        reveal.accept(f.deviceId());
                    }
                });
                box.getChildren().add(l);
            }
        }
        TextField out = new TextField(m.outputDirProperty().get() == null ? "" : m.outputDirProperty().get().toString());
        out.setId("export-output");
        out.textProperty().addListener((o, a, b) -> {
            m.outputDirProperty().set(b.isBlank() ? null : Path.of(b.strip()));
            updateProblem();
        });
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Output folder (a USB drive is just a folder)");
            File f = dc.showDialog(owner);
            if (f != null) {
                out.setText(f.toPath().resolve(m.plant().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(java.util.Locale.ROOT)
                        + "-bundles").toString());
            }
        });
        HBox.setHgrow(out, Priority.ALWAYS);
        Label hint = new Label("One folder per device is written, plus a .tar.gz each and export-report.txt. The folder is replaced "
                + "as a whole; a failed or cancelled export leaves nothing half-written.");
        hint.setWrapText(true);
        hint.getStyleClass().add("panel-subtitle");
        box.getChildren().addAll(new Label("Output folder"), new HBox(6, out, browse), hint);
        return scroll(box);
    }

    private Node caPage() {
        return new ExportWizardCaPage(owner, m, this::updateProblem).build();
    }

    private Node secretsPage() {
        ToggleGroup g = new ToggleGroup();
        RadioButton usb = new RadioButton("USB: device keys encrypted with a bundle pass phrase (install.sh asks for it)");
        RadioButton ssh = new RadioButton("SSH commissioning: plain keys (they travel over SSH only)");
        usb.setToggleGroup(g);
        ssh.setToggleGroup(g);
        (m.transportProperty().get() == ExportWizardModel.Transport.USB ? usb : ssh).setSelected(true);
        g.selectedToggleProperty().addListener((o, a, b) -> {
            m.transportProperty().set(b == usb ? ExportWizardModel.Transport.USB : ExportWizardModel.Transport.SSH);
            updateProblem();
        });
        PasswordField b1 = password(m.bundlePassphraseProperty(), "bundle-pass");
        PasswordField b2 = password(m.bundlePassphrase2Property(), "bundle-pass2");
        b1.disableProperty().bind(usb.selectedProperty().not());
        b2.disableProperty().bind(usb.selectedProperty().not());
        GridPane keys = grid();
        keys.addRow(0, new Label("Bundle pass phrase"), b1);
        keys.addRow(1, new Label("Repeat"), b2);
        CheckBox gen = new CheckBox("Generate SAS keys for SAS devices without one (the hub script creates the identities)");
        gen.selectedProperty().bindBidirectional(m.generateSasKeysProperty());
        gen.selectedProperty().addListener((o, a, b) -> updateProblem());
        GridPane sas = grid();
        int row = 0;
        for (Device d : m.sasDevices()) {
            PasswordField k = new PasswordField();
            k.setPromptText("SAS primary key (base64)");
            k.textProperty().addListener((o, a, b) -> {
                m.sasKeys().put(d.id(), b);
                updateProblem();
            });
            TextField cs = new PasswordField();
            cs.setPromptText("or connection string");
            cs.textProperty().addListener((o, a, b) -> {
                m.connectionStrings().put(d.id(), b);
                updateProblem();
            });
            k.disableProperty().bind(gen.selectedProperty());
            cs.disableProperty().bind(gen.selectedProperty());
            sas.addRow(row++, new Label(d.id()), k, cs);
        }
        VBox box = new VBox(10, usb, ssh, keys, new Label("Provisioning secrets (kept in memory only, never saved in the plant)"), gen,
                sas);
        if (m.needsRegistryPassword()) {
            GridPane reg = grid();
            reg.addRow(0, new Label("Registry password"), password(m.registryPasswordProperty(), "registry-pass"));
            box.getChildren().add(reg);
        }
        return scroll(box);
    }

    private Node exportPage() {
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("export-progress");
        report.setEditable(false);
        report.setId("export-report");
        report.getStyleClass().add("run-log");
        VBox.setVgrow(report, Priority.ALWAYS);
        Button commission = new Button("Commission these bundles (real devices)");
        commission.setId("export-commission");
        commission.setDisable(true);
        commission.setOnAction(e -> {
            char[] pass = m.transportProperty().get() == ExportWizardModel.Transport.USB
                    ? m.bundlePassphraseProperty().get().toCharArray() : null;
            commissioning.useBundles(m.outputDirProperty().get(), pass);
            commissioning.model().targetProperty().set(io.nestedge.app.commission.CommissioningModel.Target.DEVICES);
            dialog.close();
        });
        progress.progressProperty().addListener((o, a, b) -> commission.setDisable(b.doubleValue() < 1 || report.getText().isEmpty()));
        return new VBox(8, new Label("Press Export. Close cancels a running export (nothing is left behind)."), progress, progressText,
                report, commission);
    }

    private void runExport() {
        go(3);
        if (busy()) {
            return;
        }
        List<String> ps = m.problems();
        if (!ps.isEmpty()) {
            problem.setText(ps.get(0));
            return;
        }
        task = new Task<>() {
            @Override
            protected BundleExport.Result call() throws Exception {
                return m.export((stage, done, total) -> {
                    updateMessage("Exporting: " + stage + " " + done + "/" + total);
                    updateProgress(done, Math.max(1, total));
                }, run::isCancelRequested);
            }
        };
        progressText.textProperty().bind(task.messageProperty());
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            progress.progressProperty().unbind();
            progressText.textProperty().unbind();
            BundleExport.Result r = task.getValue();
            report.setText(String.join("\n", m.caNotes()) + "\n\nRoot CA SHA-256 fingerprint: " + r.rootSha256() + "\n\n" + r.report());
            progressText.setText("Exported " + r.files().size() + " files to " + m.outputDirProperty().get());
            progress.setProgress(1);
            design.statusProperty().set("Exported bundles to " + m.outputDirProperty().get());
        });
        task.setOnFailed(e -> {
            progress.progressProperty().unbind();
            progressText.textProperty().unbind();
            progress.setProgress(0);
            progressText.setText(task.getException() instanceof java.util.concurrent.CancellationException
                    ? "Export cancelled: nothing was written." : "Export failed: " + task.getException().getMessage());
        });
        if (!run.start(task)) {
            problem.setText("The previous export is still being cancelled; press Export again once it has ended.");
        }
    }

    private PasswordField password(javafx.beans.property.StringProperty p, String id) {
        return password(p, id, this::updateProblem);
    }

    /** A pass-phrase field writing into {@code p} (never into the plant), calling {@code changed} on each edit. */
    static PasswordField password(javafx.beans.property.StringProperty p, String id, Runnable changed) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.textProperty().addListener((o, a, b) -> {
            p.set(b);
            changed.run();
        });
        return f;
    }

    /** A form grid with the wizard's spacing. */
    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        return g;
    }

    /** A page's scroll pane (fits the width). */
    static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }
}
