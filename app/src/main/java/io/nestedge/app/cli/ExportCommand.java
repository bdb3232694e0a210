package io.nestedge.app.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.pki.CaImport;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.pki.StoredEdgeCa;
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
        Path pki = pkiDir != null ? pkiDir : defaultPki(plantFile);
        char[] caPass = null;
        char[] bundlePass = null;
        try {
            PkiStore store = PkiStore.open(pki, CertificateIssuer.systemClock());
            boolean fresh = !store.hasIssuingCa();
            caPass = Passphrases.read(caPassFile, fresh ? "New pass phrase for the plant's CA keys" : "Pass phrase of the CA keys",
                    fresh && caPassFile == null, "--ca-passphrase-file");
            CertifiedKey ca = fresh ? createCa(plant, store, caPass, err) : store.unlock(caPass);
            if (!plainKeys) {
                bundlePass = Passphrases.read(bundlePassFile, "Pass phrase for the device keys in the USB bundles",
                        bundlePassFile == null, "--bundle-passphrase-file");
            }
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
            out.printf("Hub side: run %s (Azure CLI); report: %s%n", output.resolve("hub/setup-hub.sh"),
                    output.resolve(BundleExport.REPORT));
            return ExitCodes.OK;
        } catch (ExportException e) {
            err.println("error: " + e.getMessage());
            return e.getMessage().contains("validation error") ? ExitCodes.FINDINGS : ExitCodes.UNUSABLE;
        } catch (java.util.concurrent.CancellationException e) {
            err.println("export cancelled: nothing was written");
            return ExitCodes.UNUSABLE;
        } finally {
            wipe(caPass);
            wipe(bundlePass);
        }
    }

    /** {@code <plant without .json>.pki} beside the plant file. */
    static Path defaultPki(Path plantFile) {
        String name = plantFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path parent = plantFile.toAbsolutePath().getParent();
        return parent.resolve(name + ".pki");
    }

    private CertifiedKey createCa(Plant plant, PkiStore store, char[] pass, PrintWriter err) throws IOException, InputException {
        if (plant.pki().caSource() == CaSource.IMPORT) {
            String cert = plant.pki().importedIntermediateCert().isEmpty() ? plant.pki().importedRootCert()
                    : plant.pki().importedIntermediateCert();
            if (cert.isEmpty() || plant.pki().importedRootKey().isEmpty()) {
                throw new InputException(plantFile.toString(), "/pki", "CA source is IMPORT but no CA certificate and key file are set.",
                        "Set importedRootCert (or importedIntermediateCert) and importedRootKey, or use GENERATE.");
            }
            CertifiedKey ca = CaImport.fromPem(Path.of(cert), Path.of(plant.pki().importedRootKey()), pass);
            store.saveImportedCa(ca, pass);
            err.println("Imported the plant's CA into " + store.dir());
            return ca;
        }
        KeyType root = plant.pki().rootKeyType();
        // The intermediate signs every Edge CA: RSA-2048 (or P-256 under an EC root) keeps issuance fast.
        KeyType inter = plant.pki().intermediate() ? (root.isRsa() ? KeyType.RSA_2048 : KeyType.EC_P256) : null;
        err.println("Generating the plant's root CA (" + root + ") in " + store.dir() + " …");
        return store.generateCa(plant.name() + " Root CA", root, plant.pki().rootValidityDays(), inter,
                Math.min(plant.pki().rootValidityDays(), 1825), pass);
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
            throw new InputException(secretsFile.toString(), "", "cannot read: " + e.getMessage(), "Check the path.");
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
