package io.nestedge.app.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nestedge.model.CaSource;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportLayout;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.pki.CaImport;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.pki.PlantCa;
import io.nestedge.model.pki.StoredEdgeCa;
import io.nestedge.model.rules.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nestedge export PLANT -o DIR}: issues or reuses the PKI (store beside the plant) and writes
 * per-device signed bundles, config.toml, deployment manifests and hub scripts.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports signed per-device bundles (certificates, keys, config.toml, deployment manifest, "
                        + "install.sh), the hub-side scripts and an export report. The PKI store (root, intermediate, "
                        + "Edge CAs) lives beside the plant (<plant>.pki/) and is reused: certificates are issued "
                        + "again only when a device's identity, hostname or key settings changed, or with --renew.",
                "Exit code 0: exported; 1: the plant has validation errors; 2: unusable input (missing "
                        + "secrets, pass phrase, files)."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Export directory (created or replaced).")
    Path output;

    @Option(names = "--pki", paramLabel = "DIR", description = "PKI store (default: <plant>.pki beside the plant file).")
    Path pkiDir;

    @Option(names = "--plain-keys", description = "Unencrypted device keys, for SSH commissioning. Default: encrypted for USB transport.")
    boolean plainKeys;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "YAML/JSON with sasKeys: {device: key}, connectionStrings: {device: string}, registryPassword.")
    Path secretsFile;

    @Option(names = "--no-generate-sas-keys", description = "Do not generate SAS keys for devices without one in --secrets.")
    boolean noGenerate;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE", description = "Pass phrase of the CA keys (first line). Default: asked.")
    Path caPassFile;

    @Option(names = "--bundle-passphrase-file", paramLabel = "FILE",
            description = "Pass phrase for the device keys of USB bundles (first line). Default: asked.")
    Path bundlePassFile;

    @Option(names = "--renew", split = ",", paramLabel = "DEVICE", description = "Issue these devices' Edge CAs again.")
    List<String> renew = List.of();

    /** Files of an existing CA to import into a new PKI store (override the plant's pki.imported* paths). */
    static final class ImportOptions {
        @Option(names = "--import-root-cert", paramLabel = "FILE", order = 1,
                description = "Root CA certificate (PEM): the trust bundle of every device. Default: the plant's pki.importedRootCert.")
        Path rootCert;

        @Option(names = "--import-root-key", paramLabel = "FILE", order = 2,
                description = "Root CA key (PEM: PKCS#8, PKCS#1 or legacy-encrypted) when Edge CAs are issued by the root. "
                        + "Default: the plant's pki.importedRootKey.")
        Path rootKey;

        @Option(names = "--import-intermediate-cert", paramLabel = "FILE", order = 3,
                description = "Intermediate CA certificate (PEM, may carry its chain) that issues the Edge CAs; give its key and the root "
                        + "certificate too (not the root key). Default: the plant's pki.importedIntermediateCert.")
        Path intermediateCert;

        @Option(names = "--import-intermediate-key", paramLabel = "FILE", order = 4, description = "The intermediate CA's key (PEM).")
        Path intermediateKey;

        @Option(names = "--import-p12", paramLabel = "FILE", order = 5,
                description = "CA key and chain as PKCS#12 (.p12/.pfx), instead of PEM files (add --import-root-cert if it lacks the root).")
        Path pkcs12;

        @Option(names = "--import-passphrase-file", paramLabel = "FILE", order = 6,
                description = "Pass phrase of the PKCS#12 file or encrypted CA key (first line, mode 0600). Default: asked when needed.")
        Path passFile;

        boolean any() {
            return rootCert != null || rootKey != null || intermediateCert != null || intermediateKey != null || pkcs12 != null;
        }
    }

    @CommandLine.ArgGroup(exclusive = false, heading = "%nImport an existing CA (first export only; the PKI store then keeps it):%n")
    ImportOptions imports = new ImportOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The secrets file's shape. */
    record SecretsFile(Map<String, String> sasKeys, Map<String, String> connectionStrings, String registryPassword) {
        /** Which secrets are present, never their values (a record's default form would print them). */
        @Override
        public String toString() {
            return new io.nestedge.model.export.ExportSecrets(connectionStrings, sasKeys, registryPassword).toString();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plant plant = PlantFile.read(plantFile);
        ExportSecrets secrets = readSecrets();
        // Check before anything is created (a PKI store for a plant that cannot be exported is clutter).
        if (PlantChecks.refuseErrors(plant, plantFile, err)) {
            return ExitCodes.FINDINGS;
        }
        refuseMissingPassphraseFiles();
        Path pki = pkiDir != null ? pkiDir : defaultPki(plantFile);
        char[] bundlePass = null;
        try {
            PkiStore store = PkiStore.open(pki, CertificateIssuer.systemClock());
            if (!plainKeys) {
                // asked before the CA is generated or imported: a missing pass phrase must not leave a new PKI store behind
                bundlePass = Passphrases.read(bundlePassFile, "Pass phrase for the device keys in the USB bundles",
                        true, "--bundle-passphrase-file");
            }
            CertifiedKey ca = openCa(plant, store, err);
            BundleOptions options = new BundleOptions(plainKeys, bundlePass, Set.copyOf(renew), !noGenerate);
            BundleExport.Result r;
            try (ProgressBar bar = CliProgress.start("Export", 1)) {
                r = BundleExport.export(plant, store, ca, secrets, options, output, (stage, done, total) -> {
                    bar.setExtraMessage(stage);
                    bar.maxHint(Math.max(1, total));
                    bar.stepTo(done);
                }, () -> Thread.currentThread().isInterrupted());
            }
            long issued = r.edgeCas().stream().filter(e -> e.outcome() != StoredEdgeCa.Outcome.REUSED).count();
            out.printf("Exported %d device bundle(s) to %s (%s keys).%n", plant.size(), output, plainKeys ? "plain" : "encrypted");
            out.printf("Edge CAs: %d issued, %d reused. PKI store: %s%n", issued, r.edgeCas().size() - issued, pki);
            out.printf("Root CA SHA-256: %s%n", r.rootSha256());
            out.printf("Hub side: run %s (Azure CLI), or use %s with 'az iot edge devices create'; report: %s%n",
                    output.resolve(ExportLayout.HUB_BASH), output.resolve(ExportLayout.HUB_AZ_DEVICES), output.resolve(BundleExport.REPORT));
            return ExitCodes.OK;
        } catch (ExportException e) {
            err.println("error: " + e.getMessage());
            return e.getMessage().contains("validation error") ? ExitCodes.FINDINGS : ExitCodes.UNUSABLE;
        } catch (java.util.concurrent.CancellationException e) {
            err.println("export cancelled: nothing was written");
            return ExitCodes.UNUSABLE;
        } finally {
            wipe(bundlePass);
        }
    }

    /**
     * Without a terminal every pass phrase must come from a file: names every missing one at once,
     * before anything is read or created.
     *
     * @throws Passphrases.Unavailable naming the options to give
     */
    private void refuseMissingPassphraseFiles() throws Passphrases.Unavailable {
        if (System.console() != null) {
            return;
        }
        List<String> missing = new java.util.ArrayList<>();
        if (caPassFile == null) {
            missing.add("--ca-passphrase-file FILE (the pass phrase of the CA keys)");
        }
        if (!plainKeys && bundlePassFile == null) {
            missing.add("--bundle-passphrase-file FILE (the pass phrase for the device keys in the USB bundles; or --plain-keys for SSH-only bundles)");
        }
        if (!missing.isEmpty()) {
            throw new Passphrases.Unavailable("no terminal to ask pass phrases: give " + String.join(" and ", missing)
                    + "; first line of each file, mode 0600.");
        }
    }

    /** {@code <plant without .json>.pki} beside the plant file. */
    static Path defaultPki(Path plantFile) {
        String name = plantFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path parent = plantFile.toAbsolutePath().getParent();
        return parent.resolve(name + ".pki");
    }

    /**
     * The issuing CA through {@link PlantCa}: the store's (unlocked), an imported one (a new store and
     * --import-* options or the plant's CA source IMPORT), or a generated one. Import warnings are printed.
     */
    private CertifiedKey openCa(Plant plant, PkiStore store, PrintWriter err) throws Exception {
        boolean fresh = !store.hasIssuingCa();
        if (!fresh && !imports.any()) {
            char[] pass = Passphrases.read(caPassFile, "Pass phrase of the CA keys", false, "--ca-passphrase-file");
            try {
                return PlantCa.unlock(store, pass).issuingCa();
            } finally {
                wipe(pass);
            }
        }
        CaImport.Source source = importSource(plant);
        char[] importPass = null;
        char[] pass = null;
        try {
            if (source != null) {
                PlantCa.checkCanImport(store, source); // before any pass phrase is asked
            }
            if (source != null && source.needsPassphrase()) {
                Path keyFile = source.issuingKeyFile();
                importPass = Passphrases.read(imports.passFile, "Pass phrase of " + keyFile.getFileName(), false, "--import-passphrase-file");
            }
            pass = Passphrases.read(caPassFile, "New pass phrase for the plant's CA keys", true, "--ca-passphrase-file");
            PlantCa.Opened opened;
            if (source != null) {
                opened = PlantCa.importInto(store, source, importPass, pass);
                for (Finding w : opened.warnings()) {
                    err.println("warning: imported CA: " + w.message() + (w.fix().isEmpty() ? "" : " Fix: " + w.fix()));
                }
            } else {
                err.println("Generating the plant's root CA (" + plant.pki().rootKeyType() + ") in " + store.dir() + " …");
                opened = PlantCa.generate(store, plant.name(), plant.pki().rootKeyType(), plant.pki().rootValidityDays(),
                        plant.pki().intermediate(), pass);
            }
            err.println(opened.summary());
            return opened.issuingCa();
        } finally {
            wipe(importPass);
            wipe(pass);
        }
    }

    /**
     * The CA files to import: the plant's paths when its CA source is IMPORT (relative to the plant file's
     * folder), each replaced by the --import-* option given for it (--import-p12 replaces the PEM key and
     * intermediate files); null when nothing is to be imported.
     */
    CaImport.Source importSource(Plant plant) {
        boolean fromPlant = plant.pki().caSource() == CaSource.IMPORT;
        if (!fromPlant && !imports.any()) {
            return null;
        }
        Path base = plantFile.toAbsolutePath().getParent();
        Path rootCert = or(imports.rootCert, fromPlant ? plantPath(base, plant.pki().importedRootCert()) : null);
        if (imports.pkcs12 != null) {
            return new CaImport.Source(rootCert, null, null, null, imports.pkcs12);
        }
        return new CaImport.Source(rootCert, or(imports.rootKey, fromPlant ? plantPath(base, plant.pki().importedRootKey()) : null),
                or(imports.intermediateCert, fromPlant ? plantPath(base, plant.pki().importedIntermediateCert()) : null),
                imports.intermediateKey, null);
    }

    private static Path or(Path option, Path plantValue) {
        return option != null ? option : plantValue;
    }

    private static Path plantPath(Path base, String p) {
        return p == null || p.isBlank() ? null : base.resolve(p.strip());
    }

    private ExportSecrets readSecrets() throws InputException {
        if (secretsFile == null) {
            return ExportSecrets.none();
        }
        try {
            SecretsFile f = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(secretsFile.toFile(), SecretsFile.class);
            return new ExportSecrets(f.connectionStrings(), f.sasKeys(), f.registryPassword());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser's own message quotes the offending line or value (a key, a password): report position
            // and shape only, and keep the exception (its message) out of the chain.
            throw new InputException(secretsFile.toString(), e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
                    secretsProblem(e), "Use the keys sasKeys: {device: key}, connectionStrings: {device: string} and "
                            + "registryPassword: string (quote values that contain ': ' or start with a special character).");
        } catch (IOException e) {
            throw new InputException(secretsFile.toString(), "", "cannot read: " + io.nestedge.model.io.FileErrors.reason(e) + ".",
                    "Check the path.");
        }
    }

    /** What is wrong with the secrets file, in words that never include a value from it. */
    static String secretsProblem(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "'.";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            String want = path.contains(".") || path.equals("registryPassword") ? "a string" : "a map of device ID to value";
            return "wrong kind of value at " + path + ": expected " + want + ".";
        }
        return "malformed YAML/JSON (check quotes, indentation and ': ' after keys).";
    }

    private static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
