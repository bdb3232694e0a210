package io.nestedge.app.ui.commission;

import io.nestedge.app.commission.ExportWizardModel;
import io.nestedge.model.KeyType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Page 2 of the {@link ExportWizard}: where the plant's CA comes from — generate a root (key type,
 * validity, optional intermediate), import an existing one (PEM root or intermediate with its key, or
 * PKCS#12, checked with the same rules as the CLI's import), or use the store's — and the CA pass
 * phrase. Everything entered goes into the {@link ExportWizardModel}, never into the plant file.
 */
final class ExportWizardCaPage {
    private final Window owner;
    private final ExportWizardModel m;
    private final Runnable changed;

    /**
     * @param owner the wizard's window (file choosers)
     * @param m the wizard's model
     * @param changed called after every edit (the wizard re-checks what blocks the next page)
     */
    ExportWizardCaPage(Window owner, ExportWizardModel m, Runnable changed) {
        this.owner = owner;
        this.m = m;
        this.changed = changed;
    }

    /** Builds the page. */
    Node build() {
        ToggleGroup g = new ToggleGroup();
        RadioButton gen = new RadioButton("Generate a new root CA into " + (m.pkiDir() == null ? "<plant>.pki/" : m.pkiDir()));
        RadioButton imp = new RadioButton("Import an existing CA (PEM files or PKCS#12) into " + (m.pkiDir() == null ? "<plant>.pki/" : m.pkiDir()));
        RadioButton existing = new RadioButton("Use the CA in the existing PKI store" + (m.storeHasCa() ? "" : " (none yet)"));
        gen.setId("ca-generate");
        imp.setId("ca-import");
        existing.setId("ca-existing");
        for (RadioButton r : List.of(gen, imp, existing)) {
            r.setToggleGroup(g);
        }
        existing.setDisable(!m.storeHasCa());
        gen.setDisable(m.storeHasCa());
        imp.setDisable(m.storeHasCa());
        switch (m.caProperty().get()) {
            case GENERATE -> gen.setSelected(true);
            case IMPORT -> imp.setSelected(true);
            case EXISTING -> existing.setSelected(true);
        }
        g.selectedToggleProperty().addListener((o, a, b) -> {
            m.caProperty().set(b == gen ? ExportWizardModel.CaChoice.GENERATE
                    : b == imp ? ExportWizardModel.CaChoice.IMPORT : ExportWizardModel.CaChoice.EXISTING);
            changed.run();
        });
        ChoiceBox<KeyType> key = new ChoiceBox<>();
        key.getItems().setAll(KeyType.values());
        key.valueProperty().bindBidirectional(m.rootKeyTypeProperty());
        Spinner<Integer> days = new Spinner<>(30, 36500, m.rootDaysProperty().get(), 365);
        days.setEditable(true);
        days.valueProperty().addListener((o, a, b) -> m.rootDaysProperty().set(b));
        CheckBox inter = new CheckBox("Issue Edge CAs from an intermediate CA");
        inter.selectedProperty().bindBidirectional(m.intermediateProperty());
        GridPane genGrid = ExportWizard.grid();
        genGrid.addRow(0, new Label("Root key type"), key);
        genGrid.addRow(1, new Label("Root validity (days)"), days);
        genGrid.add(inter, 1, 2);
        genGrid.disableProperty().bind(gen.selectedProperty().not());

        GridPane impGrid = ExportWizard.grid();
        impGrid.addRow(0, new Label("Root CA certificate"), filePicker(m.importRootCertProperty(), "import-root-cert", "Root CA certificate (PEM)"));
        impGrid.addRow(1, new Label("Root CA key"), filePicker(m.importRootKeyProperty(), "import-root-key", "Root CA key (PEM)"));
        impGrid.addRow(2, new Label("Intermediate CA certificate"),
                filePicker(m.importIntermediateCertProperty(), "import-int-cert", "Intermediate CA certificate (PEM)"));
        impGrid.addRow(3, new Label("Intermediate CA key"),
                filePicker(m.importIntermediateKeyProperty(), "import-int-key", "Intermediate CA key (PEM)"));
        impGrid.addRow(4, new Label("or PKCS#12 file"), filePicker(m.importPkcs12Property(), "import-p12", "CA as PKCS#12 (.p12, .pfx)"));
        impGrid.addRow(5, new Label("Pass phrase of the key / PKCS#12"), ExportWizard.password(m.importPassphraseProperty(), "import-pass", changed));
        Label checked = new Label();
        checked.setWrapText(true);
        checked.setId("import-check-result");
        Button check = new Button("Check the CA");
        check.setId("import-check");
        check.setOnAction(e -> checked.setText(m.checkImport()));
        impGrid.add(new HBox(8, check, checked), 1, 6);
        Label impHint = new Label("Root alone: its certificate and key. Intermediate: its certificate and key, plus the root certificate "
                + "(the trust bundle; the root key is not needed). The files and this pass phrase are not saved in the plant; "
                + "the store keeps the CA key under the CA pass phrase below.");
        impHint.setWrapText(true);
        impHint.getStyleClass().add("panel-subtitle");
        VBox impBox = new VBox(6, impGrid, impHint);
        impBox.disableProperty().bind(imp.selectedProperty().not());

        PasswordField p1 = ExportWizard.password(m.caPassphraseProperty(), "ca-pass", changed);
        PasswordField p2 = ExportWizard.password(m.caPassphrase2Property(), "ca-pass2", changed);
        GridPane passGrid = ExportWizard.grid();
        passGrid.addRow(0, new Label("CA pass phrase"), p1);
        Label again = new Label("Repeat pass phrase");
        passGrid.addRow(1, again, p2);
        for (Node n : List.of(p2, again)) {
            n.disableProperty().bind(existing.selectedProperty());
        }
        Label edge = new Label("Edge CAs: " + m.plant().pki().edgeCaKeyType() + ", " + m.plant().pki().edgeCaValidityDays()
                + " days (plant settings, facts §4). The CA keys are stored encrypted; the pass phrase is not kept.");
        edge.setWrapText(true);
        edge.getStyleClass().add("panel-subtitle");
        return ExportWizard.scroll(new VBox(10, gen, genGrid, imp, impBox, existing, passGrid, edge));
    }

    private Node filePicker(javafx.beans.property.ObjectProperty<Path> p, String id, String title) {
        TextField f = new TextField(p.get() == null ? "" : p.get().toString());
        f.setId(id);
        f.setPrefColumnCount(32);
        f.textProperty().addListener((o, a, b) -> {
            p.set(b.isBlank() ? null : Path.of(b.strip()));
            changed.run();
        });
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setTitle(title);
            File file = fc.showOpenDialog(owner);
            if (file != null) {
                f.setText(file.getPath());
            }
        });
        HBox.setHgrow(f, Priority.ALWAYS);
        return new HBox(6, f, browse);
    }
}
