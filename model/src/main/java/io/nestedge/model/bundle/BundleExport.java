package io.nestedge.model.bundle;

import io.nestedge.model.Device;
import io.nestedge.model.KeyType;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.export.ArtifactGenerators;
import io.nestedge.model.export.DeviceFileLayout;
import io.nestedge.model.export.ExportArtifact;
import io.nestedge.model.export.ExportContext;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportLayout;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.export.Exporter;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.Certificates;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.EdgeCaIssuance;
import io.nestedge.model.pki.EdgeCaRequest;
import io.nestedge.model.pki.Pem;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.pki.StoredEdgeCa;
import io.nestedge.model.steps.DeviceInstallSpec;
import io.nestedge.model.steps.DeviceInstallSpec.BundleFile;
import io.nestedge.model.steps.InstallScript;
import io.nestedge.model.steps.InstallSteps;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Exports a plant as verifiable per-device bundles (issue "Export", facts §3–5): on top of the
 * standard export (config.toml, deployment.json, hub scripts) each device directory gets its
 * certificates and keys (Edge CA from the {@link PkiStore}, reused unless its inputs changed; X.509
 * identities), {@code bundle.json}, {@code install.sh}, {@code README.txt}, {@code SHA256SUMS} and its
 * CMS signature; and a {@code .tar.gz} of the directory. Everything is written into a staging
 * directory and renamed into place ({@link Exporter}): a failure or cancel leaves no half bundle.
 */
public final class BundleExport {
    /** Bundle-relative directory of certificates. */
    public static final String CERTS = "certs";
    /** Bundle-relative directory of keys. */
    public static final String PRIVATE = "private";
    /** Suffix of encrypted keys in USB bundles. */
    public static final String ENCRYPTED_SUFFIX = ".enc";
    /** The export report at the top of the export directory. */
    public static final String REPORT = "export-report.txt";
    /** Progress stage: issuing or reusing certificates. */
    public static final String STAGE_PKI = "pki";
    /** The tool name written into bundles. */
    public static final String TOOL = "NestEdge Studio";

    /** Time stamp in the name of the backups install.sh makes ({@code config.toml.nestedge-20261130T031500Z.bak}). */
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleExport() {
    }

    /**
     * What an export produced.
     *
     * @param files every file written
     * @param edgeCas the Edge CA of each IoT Edge device (issued, reused or reissued)
     * @param identities the X.509 identity certificate of each device with X.509 provisioning (same outcomes)
     * @param rootSha256 the root CA's SHA-256 fingerprint (openssl style)
     * @param report the export report's text
     */
    public record Result(List<ExportArtifact> files, List<StoredEdgeCa> edgeCas, List<StoredEdgeCa> identities, String rootSha256,
            String report) { }

    /**
     * Exports.
     *
     * @param plant the plant (must validate without errors)
     * @param store the plant's PKI store (holds the root and issuing CA)
     * @param issuingCa the unlocked issuing CA ({@link PkiStore#unlock})
     * @param secrets secrets entered at export (SAS keys, connection strings, registry password)
     * @param options bundle options
     * @param target export directory to create or replace
     * @param progress progress listener
     * @param cancelled polled between files
     * @return the files written and the export report
     * @throws ExportException for validation errors, missing secrets, an unsuitable target
     * @throws IOException when writing fails (nothing is left behind)
     */
    public static Result export(Plant plant, PkiStore store, CertifiedKey issuingCa, ExportSecrets secrets,
            BundleOptions options, Path target, ExportProgress progress, BooleanSupplier cancelled)
            throws ExportException, IOException {
        Instant now = Instant.now();
        ExportSecrets s = options.generateSasKeys() ? withGeneratedSasKeys(plant, secrets, store.dir()) : secrets;
        DeviceFileLayout layout = DeviceFileLayout.defaults();
        X509Certificate root;
        try {
            root = store.rootCertificate();
        } catch (io.nestedge.model.io.InputException e) {
            throw new ExportException("", "the PKI store's root CA certificate " + e.file()
                    + (e.location().isEmpty() ? "" : " (" + e.location() + ")") + ": " + e.problem(), e.fix(), e);
        }
        ExecutorService pool = EdgeCaIssuance.allCoresPool();
        List<ExportArtifact> files;
        Material m;
        String rootFp;
        try {
            m = material(plant, store, issuingCa, options, progress, pool);
            rootFp = Certificates.sha256FingerprintOpenssl(root);
            Map<String, String> notes = new LinkedHashMap<>();
            RootFiles rootFiles = new RootFiles(root, rootFp);
            Exporter exporter = Exporter.standard()
                    .withDeviceGenerator((ctx, d) -> deviceFiles(ctx, d, rootFiles, m, options, now))
                    .withPlantGenerator((ctx, soFar) -> BundlePacking.signAndPack(ctx, soFar, m.signer, now, pool))
                    .withPlantGenerator((ctx, soFar) -> List.of(ExportArtifact.text(REPORT, report(plant, rootFp, m, options, now, notes),
                            ExportArtifact.PLAIN)));
            files = exporter.export(new ExportContext(plant, layout, s), target, progress, cancelled);
        } finally {
            pool.shutdownNow();
        }
        String rep = files.stream().filter(f -> f.relativePath().equals(REPORT)).findFirst()
                .map(f -> new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        return new Result(files, m.edgeCas, m.identityOutcomes, rootFp, rep);
    }

    /** Certificates and keys for every device, computed before the files (in parallel). */
    private static final class Material {
        final Map<String, StoredEdgeCa> byDevice = new HashMap<>();
        final List<StoredEdgeCa> edgeCas = new ArrayList<>();
        final Map<String, CertifiedKey> identities = new HashMap<>();
        final List<StoredEdgeCa> identityOutcomes = new ArrayList<>();
        final Map<String, String> keyPem = new HashMap<>();
        final Map<String, String> identityKeyPem = new HashMap<>();
        CertifiedKey signer;
    }

    private static Material material(Plant plant, PkiStore store, CertifiedKey issuingCa, BundleOptions options,
            ExportProgress progress, ExecutorService pool) throws IOException {
        Material m = new Material();
        CertificateIssuer issuer = CertificateIssuer.systemClock();
        List<EdgeCaRequest> requests = new ArrayList<>();
        List<Device> x509 = new ArrayList<>();
        for (Device d : plant.devices()) {
            if (d.isEdge()) {
                requests.add(new EdgeCaRequest(d.id(), d.hostname(), plant.pki().edgeCaKeyType(), plant.pki().edgeCaValidityDays()));
            }
            if (d.provisioning().method() == ProvisioningMethod.MANUAL_X509) {
                x509.add(d);
            }
        }
        int total = requests.size() + x509.size() + 1;
        progress.progress(STAGE_PKI, 0, total);
        try {
            m.edgeCas.addAll(store.ensureEdgeCas(issuingCa, requests, options.renew(), pool));
            for (StoredEdgeCa e : m.edgeCas) {
                m.byDevice.put(e.deviceId(), e);
            }
            progress.progress(STAGE_PKI, requests.size(), total);
            Future<CertifiedKey> signer = pool.submit(() -> issuer.deviceIdentity(issuingCa, "NestEdge bundle signer",
                    KeyType.EC_P256, 3650));
            // Identity certificates are kept in the store and reused like Edge CAs (the hub's x509_ca check needs no thumbprint,
            // but a device keeps working with the files it already has).
            List<EdgeCaRequest> idRequests = x509.stream().map(d -> new EdgeCaRequest(d.id(), d.hostname(), plant.pki().edgeCaKeyType(),
                    plant.pki().edgeCaValidityDays())).toList();
            for (StoredEdgeCa id : store.ensureDeviceIdentities(issuingCa, idRequests, options.renew(), pool)) {
                m.identities.put(id.deviceId(), id.edgeCa());
                m.identityOutcomes.add(id);
            }
            m.signer = signer.get();
            progress.progress(STAGE_PKI, total - 1, total);
            // Device keys as they go into bundles: plain PKCS#8, or encrypted for USB (in parallel: PBKDF2 is slow on purpose).
            Map<String, Future<String>> keys = new LinkedHashMap<>();
            for (StoredEdgeCa e : m.edgeCas) {
                keys.put("edge:" + e.deviceId(), pool.submit(() -> keyPem(e.edgeCa(), options)));
            }
            for (Map.Entry<String, CertifiedKey> e : m.identities.entrySet()) {
                keys.put("id:" + e.getKey(), pool.submit(() -> keyPem(e.getValue(), options)));
            }
            for (Map.Entry<String, Future<String>> e : keys.entrySet()) {
                if (e.getKey().startsWith("edge:")) {
                    m.keyPem.put(e.getKey().substring(5), e.getValue().get());
                } else {
                    m.identityKeyPem.put(e.getKey().substring(3), e.getValue().get());
                }
            }
            progress.progress(STAGE_PKI, total, total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("export cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("issuing certificates failed: " + e.getCause().getMessage(), e.getCause());
        }
        return m;
    }

    private static String keyPem(CertifiedKey k, BundleOptions options) {
        return options.plainKeys() ? Pem.privateKey(k.privateKey())
                : Pem.encryptedPrivateKey(k.privateKey(), options.keyPassphrase(), BundleOptions.TRANSPORT_KEY_ITERATIONS);
    }

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The root CA as every bundle carries it, encoded once per export rather than once per device. */
    private record RootFiles(X509Certificate root, String fingerprint, String pem, String trustName) {
        RootFiles(X509Certificate root, String fingerprint) {
            this(root, fingerprint, Pem.certificate(root),
                    "nestedge-" + fingerprint.replace(":", "").substring(0, 16).toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static List<ExportArtifact> deviceFiles(ExportContext ctx, Device d, RootFiles rootFiles,
            Material m, BundleOptions options, Instant now) throws ExportException {
        String rootFp = rootFiles.fingerprint();
        Plant plant = ctx.plant();
        DeviceFileLayout layout = ctx.layout();
        String dir = ExportLayout.deviceDir(d.id()) + "/";
        List<ExportArtifact> out = new ArrayList<>();
        BundleFile rootFile = new BundleFile(CERTS + "/" + base(layout.rootCaCert()), layout.rootCaCert());
        out.add(ExportArtifact.text(dir + rootFile.source(), rootFiles.pem(), ExportArtifact.PLAIN));
        List<BundleFile> certFiles = new ArrayList<>();
        List<BundleFile> keyFiles = new ArrayList<>();
        List<String> encrypted = new ArrayList<>();
        BundleFile edgeCaFile = null;
        String edgeFp = "";
        String edgeNotAfter = "";
        StoredEdgeCa e = m.byDevice.get(d.id());
        if (d.isEdge()) {
            if (e == null) {
                throw new ExportException(d.id(), "no Edge CA was issued for it.", "Export again.");
            }
            edgeCaFile = new BundleFile(CERTS + "/" + base(layout.edgeCaFullChain(d.id())), layout.edgeCaFullChain(d.id()));
            certFiles.add(edgeCaFile);
            out.add(ExportArtifact.text(dir + edgeCaFile.source(), Pem.certificates(e.edgeCa().fullChain()), ExportArtifact.PLAIN));
            BundleFile key = new BundleFile(PRIVATE + "/" + base(layout.edgeCaKey(d.id())), layout.edgeCaKey(d.id()));
            keyFiles.add(key);
            addKey(out, dir, key, m.keyPem.get(d.id()), options, encrypted);
            edgeFp = Certificates.sha256FingerprintOpenssl(e.edgeCa().certificate());
            edgeNotAfter = e.edgeCa().certificate().getNotAfter().toInstant().toString();
        }
        CertifiedKey identity = m.identities.get(d.id());
        if (identity != null) {
            BundleFile cert = new BundleFile(CERTS + "/" + base(layout.identityCert(d.id())), layout.identityCert(d.id()));
            certFiles.add(cert);
            out.add(ExportArtifact.text(dir + cert.source(), Pem.certificates(identity.fullChain()), ExportArtifact.PLAIN));
            BundleFile key = new BundleFile(PRIVATE + "/" + base(layout.identityKey(d.id())), layout.identityKey(d.id()));
            keyFiles.add(key);
            addKey(out, dir, key, m.identityKeyPem.get(d.id()), options, encrypted);
        }
        Device parent = plant.parent(d.id()).orElse(null);
        List<Integer> ports = new ArrayList<>();
        if (parent != null) {
            ports.add(8883);
            if (d.isEdge() && !parent.modules(ModuleType.API_PROXY).isEmpty()) {
                ports.add(plant.apiProxy().port());
            }
        }
        String trustName = rootFiles.trustName();
        DeviceInstallSpec spec = new DeviceInstallSpec(d.id(), d.isEdge(), d.hostname(),
                parent == null ? "" : parent.hostname(), ports, d.os(), rootFile, trustName, layout.certsDir(),
                layout.secretsDir(), certFiles, keyFiles, edgeCaFile, d.isEdge() ? ExportLayout.CONFIG_TOML : "",
                ".nestedge-" + BACKUP_STAMP.format(now) + ".bak")
                .withContainerEngine(d.isEdge() ? plant.containerEngine() : null);
        BundleInfo info = new BundleInfo(Bundles.SCHEMA_VERSION, d.id(), d.layerId(), d.parentId(), spec, rootFp, edgeFp,
                edgeNotAfter, encrypted, now.toString(), TOOL);
        out.add(new ExportArtifact(dir + Bundles.INFO_FILE, Bundles.toBytes(info), ExportArtifact.PLAIN));
        out.add(ExportArtifact.text(dir + "install.sh", InstallScript.render(spec, InstallSteps.forDevice(spec), encrypted,
                "Generated by " + TOOL + " on " + now + " for plant " + plant.name()), ExportArtifact.SCRIPT));
        out.add(ExportArtifact.text(dir + "README.txt", BundleReadme.text(plant, d, info), ExportArtifact.PLAIN));
        return out;
    }

    private static void addKey(List<ExportArtifact> out, String dir, BundleFile key, String pem, BundleOptions options,
            List<String> encrypted) {
        if (options.plainKeys()) {
            out.add(ExportArtifact.text(dir + key.source(), pem, ExportArtifact.SECRET));
        } else {
            String enc = key.source() + ENCRYPTED_SUFFIX;
            encrypted.add(enc);
            out.add(ExportArtifact.text(dir + enc, pem, ExportArtifact.SECRET));
        }
    }

    private static String report(Plant plant, String rootFp, Material m, BundleOptions options, Instant now,
            Map<String, String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("NestEdge Studio export report\n");
        sb.append("Plant:    ").append(plant.name()).append('\n');
        sb.append("Exported: ").append(now).append('\n');
        sb.append("Keys:     ").append(options.plainKeys() ? "plain (for SSH commissioning; keep this export private)"
                : "encrypted (USB bundles; install.sh asks for the pass phrase)").append('\n');
        sb.append("\nRoot CA SHA-256 fingerprint (install.sh prints it on the device: compare before confirming):\n  ")
                .append(rootFp).append("\n\n");
        sb.append("Hub side (").append(ExportLayout.HUB).append("/): ").append(base(ExportLayout.HUB_BASH)).append(" or ")
                .append(base(ExportLayout.HUB_POWERSHELL)).append(" (Azure CLI) create the identities, parents and deployments;\n  ")
                .append(base(ExportLayout.HUB_AZ_DEVICES)).append(" is the same plant for 'az iot edge devices create --config-file'.\n\n");
        sb.append(String.format("%-32s %-10s %-28s %s%n", "Device", "Edge CA", "Expires", "SHA-256 fingerprint"));
        for (StoredEdgeCa e : m.edgeCas) {
            sb.append(String.format("%-32s %-10s %-28s %s%n", e.deviceId(), e.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    e.edgeCa().certificate().getNotAfter().toInstant(), Certificates.sha256FingerprintOpenssl(e.edgeCa().certificate())));
            if (!e.reason().isEmpty()) {
                sb.append("    ").append(e.reason()).append('\n');
            }
        }
        if (!m.identityOutcomes.isEmpty()) {
            sb.append(String.format("%n%-32s %-10s %-28s %s%n", "Leaf device (X.509)", "Identity", "Expires", "SHA-256 fingerprint"));
            for (StoredEdgeCa e : m.identityOutcomes) {
                sb.append(String.format("%-32s %-10s %-28s %s%n", e.deviceId(), e.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        e.edgeCa().certificate().getNotAfter().toInstant(), Certificates.sha256FingerprintOpenssl(e.edgeCa().certificate())));
            }
        }
        return sb.toString();
    }

    /** Reads and writes {@link #SAS_KEYS_FILE} (one mapper per JVM: building one costs more than using it). */
    private static final com.fasterxml.jackson.databind.ObjectMapper SAS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** File in the PKI store holding the SAS keys the export generated (0600), reused by every re-export. */
    public static final String SAS_KEYS_FILE = "sas-keys.json";

    /**
     * Secrets plus a SAS key (32 random bytes, base64) for every manual-SAS device without one: the
     * key generated by an earlier export of this plant (kept in the PKI store, mode 0600), or a new
     * one. Keys must stay the same across exports: the hub script creates each identity once with its
     * key and leaves existing identities alone.
     *
     * @throws ExportException when the stored keys file is damaged (new keys would not match the hub's)
     */
    static ExportSecrets withGeneratedSasKeys(Plant plant, ExportSecrets secrets, Path storeDir) throws IOException, ExportException {
        Path file = storeDir.resolve(SAS_KEYS_FILE);
        com.fasterxml.jackson.databind.ObjectMapper json = SAS_JSON;
        Map<String, String> stored = new java.util.TreeMap<>();
        if (java.nio.file.Files.exists(file)) {
            try {
                stored.putAll(json.readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { }));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // Never generate new keys over a damaged file: the hub already holds the old keys of existing identities.
                throw new ExportException("", "the SAS keys file " + file + " is damaged (" + e.getOriginalMessage() + ").",
                        "Restore it from your backup, or give every device's key with --secrets (sasKeys: {device: key}; "
                                + "'az iot hub device-identity show' prints the key the hub has).", e);
            }
        }
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new HashMap<>(secrets.sasKeys());
        boolean changed = false;
        for (Device d : plant.devices()) {
            if (d.provisioning().method() == ProvisioningMethod.MANUAL_SAS && secrets.connectionString(d.id()).isEmpty()
                    && !keys.containsKey(d.id())) {
                String k = stored.get(d.id());
                if (k == null) {
                    byte[] b = new byte[32];
                    random.nextBytes(b);
                    k = Base64.getEncoder().encodeToString(b);
                    stored.put(d.id(), k);
                    changed = true;
                }
                keys.put(d.id(), k);
            }
        }
        if (changed) {
            io.nestedge.model.io.AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        return new ExportSecrets(secrets.connectionStrings(), keys, secrets.registryPassword());
    }

    /** Marker so ArtifactGenerators stays referenced for readers of this class. */
    static final ArtifactGenerators.DeviceGenerator NONE = (c, d) -> List.of();
}
