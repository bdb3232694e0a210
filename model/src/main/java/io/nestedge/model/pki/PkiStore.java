package io.nestedge.model.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nestedge.model.KeyType;
import io.nestedge.model.io.AtomicFiles;
import io.nestedge.model.io.FileSync;
import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The PKI store beside the plant: a directory with the root (and intermediate) CA, their keys
 * encrypted at rest, every issued Edge CA, and {@code pki-index.json}. File names follow
 * {@link PkiFileNames}. Writes are atomic ({@link AtomicFiles}); key files are 0600 in a 0700 (never linked)
 * {@code private/} directory.
 *
 * <p>Keys at rest are encrypted PKCS#8 (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256):
 * <ul>
 * <li>root and intermediate CA keys under the user's pass phrase with
 *     {@link Pem#PASSPHRASE_ITERATIONS} (600,000) iterations;</li>
 * <li>Edge CA keys under a 256-bit secret derived per device from the issuing CA's private key
 *     (HMAC-SHA256), with {@link #EDGE_CA_KEY_ITERATIONS} iterations: the secret has full entropy,
 *     so stretching adds nothing, and 500 Edge CA keys decrypt in well under a second instead of
 *     minutes. Unlocking the issuing CA (pass phrase) is therefore needed to read them
 *     (ADR 0301).</li>
 * </ul>
 * Thread-safe: batches are serialised per store instance, the work inside a batch runs in parallel.
 */
public final class PkiStore {
    /** The index file name. */
    public static final String INDEX = "pki-index.json";
    /** PBKDF2 iterations for Edge CA keys (encrypted under a derived 256-bit secret). */
    public static final int EDGE_CA_KEY_ITERATIONS = 10_000;
    /** An Edge CA expiring sooner than this is reissued (the device's check warns at 7 days, facts §4). */
    public static final Duration RENEW_BEFORE = Duration.ofDays(7);
    private static final Set<PosixFilePermission> KEY_PERMS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> CERT_PERMS = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> PRIVATE_DIR_PERMS = PosixFilePermissions.fromString("rwx------");
    private static final String PRIVATE_DIR = "private";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    private final CertificateIssuer issuer;
    private PkiIndex index;

    private PkiStore(Path dir, CertificateIssuer issuer, PkiIndex index) {
        this.dir = dir;
        this.issuer = issuer;
        this.index = index;
    }

    /**
     * Opens (or starts) a store in {@code dir}; nothing is written until something is saved.
     *
     * @param dir the store directory, e.g. {@code <plant>.pki/}
     * @param issuer the certificate issuer (its clock decides expiry)
     * @throws InputException if {@code pki-index.json} exists but is unreadable
     */
    public static PkiStore open(Path dir, CertificateIssuer issuer) throws InputException {
        Path idx = dir.resolve(INDEX);
        PkiIndex index = new PkiIndex(PkiIndex.SCHEMA_VERSION, null, null);
        if (Files.exists(idx)) {
            try {
                index = JSON.readValue(idx.toFile(), PkiIndex.class);
            } catch (IOException e) {
                throw new InputException(idx.toString(), "", "unreadable PKI index (" + e.getMessage() + ").",
                        "Restore it from version control or delete it (Edge CAs are then reissued).", e);
            }
            if (index.schemaVersion() != PkiIndex.SCHEMA_VERSION) {
                throw new InputException(idx.toString(), "/schemaVersion", "unsupported version " + index.schemaVersion() + ".",
                        "Open the store with the NestEdge Studio version that wrote it.");
            }
        }
        return new PkiStore(dir, issuer, index);
    }

    /** The store directory. */
    public Path dir() {
        return dir;
    }

    /** The clock the store judges expiry and validity with. */
    public java.time.Clock clock() {
        return issuer.clock();
    }

    /** A snapshot of the index. */
    public synchronized PkiIndex index() {
        return index;
    }

    /** True when a root or intermediate CA with its key has been saved. */
    public boolean hasIssuingCa() {
        return Files.exists(dir.resolve(PkiFileNames.INTERMEDIATE_KEY)) || Files.exists(dir.resolve(PkiFileNames.ROOT_KEY));
    }

    /**
     * Generates a root CA (and an intermediate when {@code intermediateKeyType} is not null) and saves them.
     *
     * @param rootCn root CN
     * @param rootKeyType root key type (RSA-4096 like Microsoft's script, or smaller)
     * @param rootDays root validity, days
     * @param intermediateKeyType intermediate key type, or null for Edge CAs issued by the root
     * @param intermediateDays intermediate validity, days
     * @param passphrase protects the CA keys at rest; used, not kept
     * @return the issuing CA (intermediate or root) with its chain
     * @throws IOException if writing fails, or {@code private/} is a link (nothing is written then)
     */
    public synchronized CertifiedKey generateCa(String rootCn, KeyType rootKeyType, int rootDays, KeyType intermediateKeyType,
            int intermediateDays, char[] passphrase) throws IOException {
        refuseLinkedPrivateDir();
        CertifiedKey root = issuer.rootCa(rootCn, rootKeyType, rootDays);
        CertifiedKey inter = intermediateKeyType == null ? null
                : issuer.intermediateCa(root, rootCn.replaceFirst("(?i)\\s*root\\s*CA$", "") + " Intermediate CA", intermediateKeyType, intermediateDays);
        writeCert(PkiFileNames.ROOT_CERT, List.of(root.certificate()));
        writeKey(PkiFileNames.ROOT_KEY, Pem.encryptedPrivateKey(root.privateKey(), passphrase, Pem.PASSPHRASE_ITERATIONS));
        if (inter != null) {
            saveIntermediate(inter, passphrase);
        }
        writeIndex(withIterations(index));
        return inter != null ? inter : root;
    }

    /**
     * Saves an imported, inspected CA ({@link CaImport#load}): a self-signed issuing CA as the root;
     * otherwise the issuing CA as the intermediate (with its chain) and {@code imported.root()} as the
     * root certificate, the trust bundle. The keys are encrypted under {@code passphrase}.
     *
     * @throws IOException if writing fails, or {@code private/} is a link (nothing is written then)
     */
    public synchronized void saveImportedCa(CaImport.Imported imported, char[] passphrase) throws IOException {
        refuseLinkedPrivateDir();
        CertifiedKey issuingCa = imported.issuingCa();
        writeCert(PkiFileNames.ROOT_CERT, List.of(imported.root()));
        if (Certificates.isSelfSigned(issuingCa.certificate())) {
            writeKey(PkiFileNames.ROOT_KEY, Pem.encryptedPrivateKey(issuingCa.privateKey(), passphrase, Pem.PASSPHRASE_ITERATIONS));
            Files.deleteIfExists(dir.resolve(PkiFileNames.INTERMEDIATE_KEY));
        } else {
            saveIntermediate(issuingCa, passphrase);
        }
        writeIndex(withIterations(index));
    }

    private void saveIntermediate(CertifiedKey inter, char[] passphrase) throws IOException {
        writeCert(PkiFileNames.INTERMEDIATE_CERT, List.of(inter.certificate()));
        writeCert(PkiFileNames.INTERMEDIATE_FULL_CHAIN, inter.fullChain());
        writeKey(PkiFileNames.INTERMEDIATE_KEY, Pem.encryptedPrivateKey(inter.privateKey(), passphrase, Pem.PASSPHRASE_ITERATIONS));
    }

    /**
     * Decrypts the issuing CA: the intermediate when the store has one, otherwise the root.
     *
     * @return the issuing CA with its chain (leaf-first, up to the root)
     * @throws InputException if no CA was saved, a file is damaged (a certificate of the chain or the
     *     root CA certificate does not verify, facts §4), the pass phrase is wrong, or the CA fails
     *     inspection at the issuer's clock ({@link CaImport}: e.g. it has expired)
     */
    public CertifiedKey unlock(char[] passphrase) throws InputException {
        boolean inter = Files.exists(dir.resolve(PkiFileNames.INTERMEDIATE_KEY));
        Path key = dir.resolve(inter ? PkiFileNames.INTERMEDIATE_KEY : PkiFileNames.ROOT_KEY);
        if (!Files.exists(key)) {
            throw new InputException(dir.toString(), "", "the PKI store holds no CA key.", "Generate or import a root CA first.");
        }
        Path certs = dir.resolve(inter ? PkiFileNames.INTERMEDIATE_FULL_CHAIN : PkiFileNames.ROOT_CERT);
        // A damaged store file first (its own message: restore the store), then the CA rules.
        StoreIntegrity.checkIssuingChain(PkiFiles.readCertificates(certs), certs, dir.resolve(PkiFileNames.ROOT_CERT), dir);
        return CaImport.fromPem(certs, key, passphrase, issuer.clock().instant());
    }

    /**
     * The trust root (root CA certificate) of the store.
     *
     * @throws InputException if the store has no root certificate
     */
    public X509Certificate rootCertificate() throws InputException {
        return PkiFiles.readCertificates(dir.resolve(PkiFileNames.ROOT_CERT)).get(0);
    }

    /**
     * Makes sure every device has a current Edge CA: reuses the stored one when its device ID,
     * hostname, key type, validity and issuer are unchanged, its stored chain still verifies up to
     * the issuing CA, it is not expiring within {@link #RENEW_BEFORE}, and the device is not in
     * {@code renew}; otherwise issues a new one.
     * Work runs on {@code executor} (give it one thread per core); the index is written once, at the
     * end, and lists every Edge CA whose files were written even when another device failed.
     *
     * @param issuingCa the unlocked issuing CA ({@link #unlock})
     * @param requests one per IoT Edge device
     * @param renew device IDs to reissue regardless
     * @param executor where the work runs
     * @return one result per request, in request order
     * @throws IllegalArgumentException if a device ID appears twice
     * @throws IOException if a file cannot be written, or {@code private/} is a link
     */
    public synchronized List<StoredEdgeCa> ensureEdgeCas(CertifiedKey issuingCa, List<EdgeCaRequest> requests, Set<String> renew,
            Executor executor) throws IOException {
        return ensure(StoredKind.EDGE_CA, issuingCa, requests, renew, executor);
    }

    /**
     * Makes sure every X.509 leaf device has a current identity certificate (CA:FALSE, clientAuth, CN =
     * device ID), with the same reuse rules as {@link #ensureEdgeCas}: reused unless its key type,
     * validity or issuer changed, it expires within {@link #RENEW_BEFORE}, or the device is in
     * {@code renew}. Files: {@link PkiFileNames#identityCert} and siblings; the key is encrypted at rest
     * like an Edge CA key.
     *
     * @param requests one per device with X.509 provisioning (the hostname is not used)
     * @return one result per request, in request order ({@link StoredEdgeCa#edgeCa()} holds the identity)
     * @throws IllegalArgumentException if a device ID appears twice
     * @throws IOException if a file cannot be written
     */
    public synchronized List<StoredEdgeCa> ensureDeviceIdentities(CertifiedKey issuingCa, List<EdgeCaRequest> requests, Set<String> renew,
            Executor executor) throws IOException {
        return ensure(StoredKind.IDENTITY, issuingCa, requests, renew, executor);
    }

    private List<StoredEdgeCa> ensure(StoredKind kind, CertifiedKey issuingCa, List<EdgeCaRequest> requests, Set<String> renew,
            Executor executor) throws IOException {
        Set<String> seen = new java.util.HashSet<>();
        for (EdgeCaRequest r : requests) {
            if (!seen.add(r.deviceId())) {
                throw new IllegalArgumentException("device ID '" + r.deviceId() + "' is requested twice");
            }
        }
        String issuerFp = Certificates.sha256Fingerprint(issuingCa.certificate());
        byte[] secretKey = KeySecrets.secretKey(issuingCa);
        privateDir();
        List<StoredEdgeCa> out = new ArrayList<>();
        Map<String, PkiIndex.Entry> entries = new HashMap<>(kind.entries(index));
        RuntimeException failure = null;
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            List<CompletableFuture<StoredEdgeCa>> futures = new ArrayList<>();
            for (EdgeCaRequest r : requests) {
                PkiIndex.Entry old = kind.entries(index).get(r.deviceId());
                futures.add(CompletableFuture.supplyAsync(() -> ensureOne(kind, issuingCa, issuerFp, secretKey, r, old,
                        renew.contains(r.deviceId()), batch), executor));
            }
            List<StoredEdgeCa> done = new ArrayList<>();
            List<EdgeCaRequest> doneRequests = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    done.add(futures.get(i).join());
                    doneRequests.add(requests.get(i));
                } catch (CompletionException e) {
                    failure = failure == null ? (e.getCause() instanceof RuntimeException re ? re : e) : failure;
                }
            }
            // New Edge CA files were written to temporary files; one parallel sync, then each is renamed into place.
            ExecutorService io = FileSync.ioPool();
            try {
                batch.commit(io);
            } finally {
                io.shutdownNow();
            }
            for (int i = 0; i < done.size(); i++) {
                out.add(done.get(i));
                entries.put(done.get(i).deviceId(), kind.entry(done.get(i), doneRequests.get(i), issuerFp));
            }
        }
        writeIndex(withIterations(kind == StoredKind.EDGE_CA
                ? new PkiIndex(PkiIndex.SCHEMA_VERSION, index.keyIterations(), entries, index.deviceIdentities())
                : new PkiIndex(PkiIndex.SCHEMA_VERSION, index.keyIterations(), index.edgeCas(), entries)));
        if (failure instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private StoredEdgeCa ensureOne(StoredKind kind, CertifiedKey issuingCa, String issuerFp, byte[] secretKey, EdgeCaRequest r,
            PkiIndex.Entry old, boolean renew, AtomicFiles.Batch batch) {
        Path cert = dir.resolve(kind.cert(r.deviceId()));
        Path chain = dir.resolve(kind.chain(r.deviceId()));
        Path key = dir.resolve(kind.key(r.deviceId()));
        char[] secret = KeySecrets.secret(secretKey, kind.secretLabel(r.deviceId()));
        String reason = old == null ? "" : kind.reissueReason(old, r, issuerFp, renew);
        if (old != null && reason.isEmpty()) {
            try {
                List<X509Certificate> certs = PkiFiles.readCertificates(chain);
                X509Certificate c = certs.get(0);
                if (!Certificates.sha256Fingerprint(c).equals(old.certFingerprint())) {
                    reason = "stored certificate differs from the index";
                } else if (!StoreIntegrity.issuedBy(certs, issuingCa)) {
                    reason = "stored chain damaged (it does not verify up to the issuing CA)";
                } else if (c.getNotAfter().toInstant().isBefore(issuer.clock().instant().plus(RENEW_BEFORE))) {
                    reason = "expires on " + c.getNotAfter().toInstant() + " (within " + RENEW_BEFORE.toDays() + " days)";
                } else {
                    var k = PkiFiles.readPrivateKey(key, secret);
                    return new StoredEdgeCa(r.deviceId(), new CertifiedKey(c, k, certs.subList(1, certs.size())),
                            StoredEdgeCa.Outcome.REUSED, "", cert, chain, key);
                }
            } catch (InputException e) {
                reason = "stored files unreadable (" + e.problem() + ")";
            }
        }
        CertifiedKey ca = kind.issue(issuer, issuingCa, r);
        try {
            batch.add(cert, Pem.certificates(List.of(ca.certificate())).getBytes(StandardCharsets.US_ASCII), CERT_PERMS);
            batch.add(chain, Pem.certificates(ca.fullChain()).getBytes(StandardCharsets.US_ASCII), CERT_PERMS);
            batch.add(key, Pem.encryptedPrivateKey(ca.privateKey(), secret, EDGE_CA_KEY_ITERATIONS).getBytes(StandardCharsets.US_ASCII),
                    KEY_PERMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredEdgeCa(r.deviceId(), ca, old == null ? StoredEdgeCa.Outcome.ISSUED : StoredEdgeCa.Outcome.REISSUED,
                old == null ? "new device" : reason, cert, chain, key);
    }

    /**
     * The pass phrase of a stored Edge CA key: Base64 of HMAC-SHA256(key, device ID), where key =
     * SHA-256 of a label and the issuing CA's PKCS#8 encoding. Only the holder of the issuing CA key
     * (itself under the user's pass phrase) can derive it.
     */
    public static char[] edgeCaKeySecret(CertifiedKey issuingCa, String deviceId) {
        return KeySecrets.secret(KeySecrets.secretKey(issuingCa), deviceId);
    }

    private static PkiIndex withIterations(PkiIndex i) {
        return new PkiIndex(PkiIndex.SCHEMA_VERSION, Map.of("caKeys", Pem.PASSPHRASE_ITERATIONS, "edgeCaKeys", EDGE_CA_KEY_ITERATIONS), i.edgeCas(),
                i.deviceIdentities());
    }

    private void writeIndex(PkiIndex i) throws IOException {
        try {
            AtomicFiles.write(dir.resolve(INDEX), (JSON.writeValueAsString(i) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        index = i;
    }

    private void writeCert(String rel, List<X509Certificate> certs) throws IOException {
        AtomicFiles.write(dir.resolve(rel), Pem.certificates(certs).getBytes(StandardCharsets.US_ASCII), CERT_PERMS);
    }

    private void writeKey(String rel, String pem) throws IOException {
        Path p = dir.resolve(rel);
        if (!p.getParent().equals(dir.resolve(PRIVATE_DIR))) {
            throw new IllegalArgumentException("keys belong in " + PRIVATE_DIR + "/: " + rel);
        }
        privateDir();
        AtomicFiles.write(p, pem.getBytes(StandardCharsets.US_ASCII), KEY_PERMS);
    }

    /** Creates {@code private/} (0700) unless it exists; refuses a link there. */
    private void privateDir() throws IOException {
        refuseLinkedPrivateDir();
        Path p = dir.resolve(PRIVATE_DIR);
        Files.createDirectories(p);
        restrict(p, PRIVATE_DIR_PERMS);
    }

    /** A link at {@code private/} would take the keys, and the chmod to 0700, wherever it points. */
    private void refuseLinkedPrivateDir() throws IOException {
        Path p = dir.resolve(PRIVATE_DIR);
        if (Files.isSymbolicLink(p)) {
            throw new IOException(p + " is a link (to " + Files.readSymbolicLink(p) + "); the PKI store writes its keys only into "
                    + "a real directory: replace the link with a directory (move the files the link points to into it)");
        }
    }

    private static void restrict(Path d, Set<PosixFilePermission> perms) throws IOException {
        if (Files.getFileStore(d).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(d, perms);
        }
    }
}
