package io.nestedge.app.commission;

import io.nestedge.model.Device;
import io.nestedge.model.KeyType;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.io.InputException;
import io.nestedge.model.pki.CaImport;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.pki.PlantCa;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The export wizard's state and rules, toolkit-free: output folder, CA source (generate a new root
 * CA into the PKI store beside the plant, {@code <plant>.pki/}, import an existing CA into it, or
 * unlock the existing one; all through {@link PlantCa}, as the CLI does), key
 * transport (USB: keys encrypted with a bundle pass phrase; SSH: plain keys), provisioning secrets
 * (kept in memory only, never in the plant) and the export itself through {@link BundleExport}.
 * Validation errors block the export (facts §1; {@link Validator}). Nothing entered here is written
 * into the plant file: import file paths and pass phrases live in this model only.
 */
public final class ExportWizardModel {
    /** Where the issuing CA comes from. */
    public enum CaChoice {
        /** Generate a new root (and intermediate) CA into the store. */
        GENERATE,
        /** Unlock the CA already in the store. */
        EXISTING,
        /** Import an existing CA (PEM files or PKCS#12) into the new store. */
        IMPORT
    }

    /** How device keys travel. */
    public enum Transport {
        /** USB stick: keys encrypted with the bundle pass phrase; install.sh decrypts them. */
        USB,
        /** SSH commissioning: plain keys, copied over SSH only. */
        SSH
    }

    private final Plant plant;
    private final Path plantFile;
    private final ObjectProperty<Path> outputDir = new SimpleObjectProperty<>(this, "outputDir");
    private final ObjectProperty<CaChoice> ca = new SimpleObjectProperty<>(this, "ca");
    private final ObjectProperty<KeyType> rootKeyType = new SimpleObjectProperty<>(this, "rootKeyType");
    private final IntegerProperty rootDays = new SimpleIntegerProperty(this, "rootDays");
    private final BooleanProperty intermediate = new SimpleBooleanProperty(this, "intermediate");
    private final StringProperty caPassphrase = new SimpleStringProperty(this, "caPassphrase", "");
    private final StringProperty caPassphrase2 = new SimpleStringProperty(this, "caPassphrase2", "");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.USB);
    private final StringProperty bundlePassphrase = new SimpleStringProperty(this, "bundlePassphrase", "");
    private final StringProperty bundlePassphrase2 = new SimpleStringProperty(this, "bundlePassphrase2", "");
    private final BooleanProperty generateSasKeys = new SimpleBooleanProperty(this, "generateSasKeys", true);
    private final ObservableMap<String, String> sasKeys = FXCollections.observableHashMap();
    private final ObservableMap<String, String> connectionStrings = FXCollections.observableHashMap();
    private final StringProperty registryPassword = new SimpleStringProperty(this, "registryPassword", "");
    private final ObjectProperty<Path> importRootCert = new SimpleObjectProperty<>(this, "importRootCert");
    private final ObjectProperty<Path> importRootKey = new SimpleObjectProperty<>(this, "importRootKey");
    private final ObjectProperty<Path> importIntermediateCert = new SimpleObjectProperty<>(this, "importIntermediateCert");
    private final ObjectProperty<Path> importIntermediateKey = new SimpleObjectProperty<>(this, "importIntermediateKey");
    private final ObjectProperty<Path> importPkcs12 = new SimpleObjectProperty<>(this, "importPkcs12");
    private final StringProperty importPassphrase = new SimpleStringProperty(this, "importPassphrase", "");
    private final javafx.collections.ObservableList<String> caNotes = FXCollections.observableArrayList();

    /**
     * @param plant the plant to export
     * @param plantFile its file (the PKI store lives beside it), or null when not saved
     */
    public ExportWizardModel(Plant plant, Path plantFile) {
        this.plant = plant;
        this.plantFile = plantFile;
        rootKeyType.set(plant.pki().rootKeyType());
        rootDays.set(plant.pki().rootValidityDays());
        intermediate.set(plant.pki().intermediate());
        ca.set(storeHasCa() ? CaChoice.EXISTING : plant.pki().caSource() == io.nestedge.model.CaSource.IMPORT ? CaChoice.IMPORT
                : CaChoice.GENERATE);
        if (plant.pki().caSource() == io.nestedge.model.CaSource.IMPORT && plantFile != null && plantFile.getParent() != null) {
            Path base = plantFile.toAbsolutePath().getParent();
            importRootCert.set(plantPath(base, plant.pki().importedRootCert()));
            importRootKey.set(plantPath(base, plant.pki().importedRootKey()));
            importIntermediateCert.set(plantPath(base, plant.pki().importedIntermediateCert()));
        }
        if (plantFile != null && plantFile.getParent() != null) {
            outputDir.set(plantFile.getParent().resolve(stem(plantFile) + "-bundles"));
        }
    }

    private static Path plantPath(Path base, String p) {
        return p == null || p.isBlank() ? null : base.resolve(p.strip());
    }

    /** The CA files to import as entered (memory only). */
    public CaImport.Source importSource() {
        return new CaImport.Source(importRootCert.get(), importRootKey.get(), importIntermediateCert.get(), importIntermediateKey.get(),
                importPkcs12.get());
    }

    private static String stem(Path f) {
        return f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    /** The PKI store directory beside the plant ({@code <plant>.pki/}), or null when the plant is not saved. */
    public Path pkiDir() {
        return plantFile == null || plantFile.getParent() == null ? null : plantFile.getParent().resolve(stem(plantFile) + ".pki");
    }

    /** True when the store beside the plant holds a CA. */
    public boolean storeHasCa() {
        Path d = pkiDir();
        if (d == null || !Files.isDirectory(d)) {
            return false;
        }
        try {
            return PkiStore.open(d, CertificateIssuer.systemClock()).hasIssuingCa();
        } catch (InputException e) {
            return false;
        }
    }

    /** Validation errors: they block the export (each names its device; the wizard links to it). */
    public List<Finding> blockingFindings() {
        return Validator.validate(plant).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** Manually provisioned SAS devices: they need a SAS key or connection string (or a generated key). */
    public List<Device> sasDevices() {
        return plant.devices().stream().filter(d -> d.provisioning().method() == ProvisioningMethod.MANUAL_SAS).toList();
    }

    /** True when the plant's registry has a user (its password is asked). */
    public boolean needsRegistryPassword() {
        return !plant.registry().username().isEmpty();
    }

    /**
     * What stops the export now, in page order; empty when it can go.
     *
     * @return people-readable problems
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        int errors = blockingFindings().size();
        if (errors > 0) {
            out.add(errors + " validation error(s) block the export: fix them first.");
        }
        if (outputDir.get() == null) {
            out.add("Choose an output folder (a USB drive is just a folder).");
        }
        if (pkiDir() == null) {
            out.add("Save the plant first: its PKI store lives beside it (<plant>.pki/).");
        }
        if (ca.get() == CaChoice.EXISTING && !storeHasCa()) {
            out.add("The PKI store " + pkiDir() + " holds no CA: generate one.");
        }
        boolean newStore = ca.get() != CaChoice.EXISTING;
        if (ca.get() == CaChoice.IMPORT) {
            out.addAll(importProblems());
        }
        if (caPassphrase.get().isEmpty()) {
            out.add(newStore ? "Choose a CA pass phrase (it protects the CA keys at rest)."
                    : "Enter the CA pass phrase to unlock the store.");
        } else if (newStore && !caPassphrase.get().equals(caPassphrase2.get())) {
            out.add("The two CA pass phrases differ.");
        } else if (newStore && caPassphrase.get().length() < 8) {
            out.add("The CA pass phrase needs at least 8 characters.");
        }
        if (transport.get() == Transport.USB) {
            if (bundlePassphrase.get().isEmpty()) {
                out.add("Choose a bundle pass phrase: USB bundles carry encrypted keys.");
            } else if (!bundlePassphrase.get().equals(bundlePassphrase2.get())) {
                out.add("The two bundle pass phrases differ.");
            }
        }
        if (!generateSasKeys.get()) {
            for (Device d : sasDevices()) {
                if (blank(sasKeys.get(d.id())) && blank(connectionStrings.get(d.id()))) {
                    out.add(d.id() + " uses SAS provisioning: give its SAS key or connection string, or generate SAS keys.");
                }
            }
        }
        if (needsRegistryPassword() && registryPassword.get().isEmpty()) {
            out.add("Enter the password of registry user " + plant.registry().username() + ".");
        }
        return out;
    }

    /**
     * Reads and inspects the CA files to import now, without saving anything, with the same rules as
     * the export ({@link CaImport#load}).
     *
     * @return a line for the user: the CA that would be imported and its warnings, or the error with
     *     the file and the fix
     */
    public String checkImport() {
        char[] pass = importPassphrase.get().isEmpty() ? null : importPassphrase.get().toCharArray();
        try {
            CaImport.Imported im = CaImport.load(importSource(), pass, java.time.Instant.now());
            StringBuilder sb = new StringBuilder("OK: Edge CAs will be issued by '" + im.issuingCa().commonName() + "' under the root '"
                    + io.nestedge.model.pki.Certificates.commonName(im.root()) + "'.");
            im.warnings().forEach(w -> sb.append(" Warning: ").append(w.message()));
            return sb.toString();
        } catch (InputException e) {
            return "Cannot import: " + e.getMessage();
        } finally {
            if (pass != null) {
                java.util.Arrays.fill(pass, '\0');
            }
        }
    }

    /** What the import choice still lacks (files, pass phrase); the files themselves are checked at export. */
    private List<String> importProblems() {
        List<String> out = new ArrayList<>();
        if (storeHasCa()) {
            out.add("The PKI store " + pkiDir() + " already holds a CA: use it, or export the plant from another folder to import a new one.");
        }
        CaImport.Source src = importSource();
        if (src.pkcs12() != null) {
            if (src.rootKey() != null || src.intermediateCert() != null || src.intermediateKey() != null) {
                out.add("Give either a PKCS#12 file or PEM files, not both (a root certificate may go with the PKCS#12 file).");
            }
        } else if (src.intermediateCert() != null || src.intermediateKey() != null) {
            if (src.intermediateCert() == null || src.intermediateKey() == null) {
                out.add("Give the intermediate CA's certificate and its key (it issues the Edge CAs; the root key is not needed).");
            }
        } else if (src.rootCert() == null || src.rootKey() == null) {
            out.add("Choose the root CA certificate and key files, an intermediate CA with its key, or a PKCS#12 file.");
        }
        boolean needsPass;
        try {
            needsPass = src.issuingKeyFile() != null && src.needsPassphrase();
        } catch (InputException e) {
            out.add(e.getMessage());
            return out;
        }
        if (needsPass && importPassphrase.get().isEmpty()) {
            out.add("Enter the pass phrase of " + src.issuingKeyFile().getFileName() + ".");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The secrets as entered (memory only). */
    public ExportSecrets secrets() {
        Map<String, String> sas = new HashMap<>();
        sasKeys.forEach((k, v) -> {
            if (!blank(v)) {
                sas.put(k, v.strip());
            }
        });
        Map<String, String> cs = new HashMap<>();
        connectionStrings.forEach((k, v) -> {
            if (!blank(v)) {
                cs.put(k, v.strip());
            }
        });
        return new ExportSecrets(cs, sas, registryPassword.get());
    }

    /**
     * Exports (call off the UI thread). Pass phrases and secrets are cleared afterwards, whatever happens.
     *
     * @param progress progress ({@code stage, done, total})
     * @param cancelled polled between files
     * @return the export's result (files, root CA fingerprint, report)
     * @throws ExportException when the export cannot go on (names device, problem, fix)
     * @throws InputException when the store cannot be opened or unlocked (wrong pass phrase)
     * @throws IOException when writing fails (nothing is left half-written)
     */
    public BundleExport.Result export(ExportProgress progress, BooleanSupplier cancelled)
            throws ExportException, InputException, IOException {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new ExportException("", p.get(0), "");
        }
        char[] caPass = caPassphrase.get().toCharArray();
        char[] importPass = importPassphrase.get().isEmpty() ? null : importPassphrase.get().toCharArray();
        char[] keyPass = transport.get() == Transport.USB ? bundlePassphrase.get().toCharArray() : null;
        try {
            PkiStore store = PkiStore.open(pkiDir(), CertificateIssuer.systemClock());
            progress.progress(BundleExport.STAGE_PKI, 0, 1);
            PlantCa.Opened opened = switch (ca.get()) {
                case GENERATE -> PlantCa.generate(store, plant.name(), rootKeyType.get(), rootDays.get(), intermediate.get(), caPass);
                case IMPORT -> PlantCa.importInto(store, importSource(), importPass, caPass);
                case EXISTING -> PlantCa.unlock(store, caPass);
            };
            List<String> notes = new ArrayList<>();
            notes.add(opened.summary());
            opened.warnings().forEach(w -> notes.add("Warning: " + w.message() + (w.fix().isEmpty() ? "" : " " + w.fix())));
            caNotes.setAll(notes);
            CertifiedKey issuing = opened.issuingCa();
            return BundleExport.export(plant, store, issuing, secrets(),
                    new BundleOptions(transport.get() == Transport.SSH, keyPass, Set.of(), generateSasKeys.get()), outputDir.get(),
                    progress, cancelled);
        } finally {
            java.util.Arrays.fill(caPass, '\0');
            if (importPass != null) {
                java.util.Arrays.fill(importPass, '\0');
            }
            importPassphrase.set("");
            if (keyPass != null) {
                java.util.Arrays.fill(keyPass, '\0');
            }
            caPassphrase.set("");
            caPassphrase2.set("");
        }
    }

    /** Forgets every secret entered (the wizard closes). */
    public void clearSecrets() {
        importPassphrase.set("");
        caPassphrase.set("");
        caPassphrase2.set("");
        bundlePassphrase.set("");
        bundlePassphrase2.set("");
        sasKeys.clear();
        connectionStrings.clear();
        registryPassword.set("");
    }

    /** The plant. */
    public Plant plant() { return plant; }
    /** Output folder. */
    public ObjectProperty<Path> outputDirProperty() { return outputDir; }
    /** CA source. */
    public ObjectProperty<CaChoice> caProperty() { return ca; }
    /** Root (and intermediate) key type of a generated CA. */
    public ObjectProperty<KeyType> rootKeyTypeProperty() { return rootKeyType; }
    /** Root validity of a generated CA, days. */
    public IntegerProperty rootDaysProperty() { return rootDays; }
    /** Issue Edge CAs from an intermediate CA. */
    public BooleanProperty intermediateProperty() { return intermediate; }
    /** CA pass phrase (generate: new; existing: unlock). */
    public StringProperty caPassphraseProperty() { return caPassphrase; }
    /** CA pass phrase repeated (generate). */
    public StringProperty caPassphrase2Property() { return caPassphrase2; }
    /** Key transport. */
    public ObjectProperty<Transport> transportProperty() { return transport; }
    /** Bundle pass phrase (USB). */
    public StringProperty bundlePassphraseProperty() { return bundlePassphrase; }
    /** Bundle pass phrase repeated (USB). */
    public StringProperty bundlePassphrase2Property() { return bundlePassphrase2; }
    /** Generate SAS keys for SAS devices without one. */
    public BooleanProperty generateSasKeysProperty() { return generateSasKeys; }
    /** SAS primary keys by device (memory only). */
    public ObservableMap<String, String> sasKeys() { return sasKeys; }
    /** Connection strings by device (memory only). */
    public ObservableMap<String, String> connectionStrings() { return connectionStrings; }
    /** Registry password (memory only). */
    public StringProperty registryPasswordProperty() { return registryPassword; }
    /** Import: root CA certificate (PEM), the trust bundle. */
    public ObjectProperty<Path> importRootCertProperty() { return importRootCert; }
    /** Import: root CA key (PEM), when the root issues the Edge CAs. */
    public ObjectProperty<Path> importRootKeyProperty() { return importRootKey; }
    /** Import: intermediate CA certificate (PEM) that issues the Edge CAs. */
    public ObjectProperty<Path> importIntermediateCertProperty() { return importIntermediateCert; }
    /** Import: the intermediate CA's key (PEM). */
    public ObjectProperty<Path> importIntermediateKeyProperty() { return importIntermediateKey; }
    /** Import: CA key and chain as PKCS#12 (.p12/.pfx). */
    public ObjectProperty<Path> importPkcs12Property() { return importPkcs12; }
    /** Import: pass phrase of the PKCS#12 file or encrypted key (memory only, cleared after the export). */
    public StringProperty importPassphraseProperty() { return importPassphrase; }
    /** What the last export did with the CA (generated, imported, unlocked) and the imported CA's warnings. */
    public javafx.collections.ObservableList<String> caNotes() { return caNotes; }
}
