package io.nestedge.model.pki;

import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports an existing CA (root, or intermediate with its root, e.g. from Microsoft's test-certificate
 * script) to issue the plant's Edge CAs from: PEM certificate + key files in any form {@link PkiFiles}
 * reads (PKCS#8, PKCS#1, legacy-OpenSSL-encrypted, SEC 1), or a PKCS#12 file. Every import is
 * inspected with {@link CaInspector#inspectIssuingCa} (issue "Export", field cases F1–F3): errors refuse
 * it with an {@link InputException} naming the file and the fix, warnings are returned. This is the one
 * import path of the CLI ({@code export --import-…}), the designer's export wizard and the PKI store's
 * unlock. Stateless and thread-safe.
 */
public final class CaImport {
    private CaImport() {
    }

    /**
     * The files of a CA to import; null for a file not given. Either a PKCS#12 file (key and chain;
     * {@code rootCert} may add the root when the file lacks it), or PEM files: the root's certificate
     * and key, or an intermediate's certificate (may carry its chain) and key plus the root's
     * certificate (its key is not needed: Edge CAs are issued by the intermediate).
     *
     * @param rootCert root CA certificate (PEM), the plant's trust bundle
     * @param rootKey root CA private key (PEM), when Edge CAs are issued by the root
     * @param intermediateCert intermediate CA certificate (PEM; may be followed by its issuers)
     * @param intermediateKey the intermediate's private key (PEM)
     * @param pkcs12 a .p12/.pfx with the issuing CA's key and chain
     */
    public record Source(Path rootCert, Path rootKey, Path intermediateCert, Path intermediateKey, Path pkcs12) {
        /** A root CA from PEM files. */
        public static Source pem(Path rootCert, Path rootKey) {
            return new Source(rootCert, rootKey, null, null, null);
        }

        /** A CA from a PKCS#12 file. */
        public static Source pkcs12(Path file) {
            return new Source(null, null, null, null, file);
        }

        /** True when no file is given. */
        public boolean isEmpty() {
            return rootCert == null && rootKey == null && intermediateCert == null && intermediateKey == null && pkcs12 == null;
        }

        /** The file holding the key Edge CAs will be signed with (PKCS#12, intermediate key or root key), or null. */
        public Path issuingKeyFile() {
            if (pkcs12 != null) {
                return pkcs12;
            }
            return intermediateCert != null || intermediateKey != null ? intermediateKey : rootKey;
        }

        /**
         * True when opening the import needs a pass phrase: a PKCS#12 file, or an encrypted PEM key.
         *
         * @throws InputException if the key file is missing or holds no key
         */
        public boolean needsPassphrase() throws InputException {
            if (pkcs12 != null) {
                return true;
            }
            Path k = issuingKeyFile();
            return k != null && PkiFiles.probeKey(k).format().encrypted();
        }
    }

    /**
     * An imported CA, inspected.
     *
     * @param issuingCa the CA Edge CAs are issued from, its key, and its chain up to the root
     * @param root the root CA certificate (the plant's trust bundle)
     * @param warnings inspection warnings (e.g. expiring within 7 days); errors refuse the import
     */
    public record Imported(CertifiedKey issuingCa, X509Certificate root, List<Finding> warnings) {
        /** Copies the warnings. */
        public Imported {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads, assembles and inspects a CA to import. An intermediate's chain is completed with the root
     * certificate when its file stops below the root.
     *
     * @param source the files
     * @param passphrase pass phrase of the PKCS#12 file or of an encrypted key (null when none); used, not kept
     * @param now the time validity is judged at
     * @return the CA, its root and the warnings
     * @throws InputException naming the file: a file missing or unreadable, a wrong pass phrase, files that
     *     do not form an issuing CA (which ones to give), or inspection errors (CA:FALSE, no keyCertSign,
     *     key mismatch, chain not reaching the root, expired or not yet valid, RSA below 2048 bits, an EC
     *     curve other than P-256) with the fix
     */
    public static Imported load(Source source, char[] passphrase, Instant now) throws InputException {
        CertifiedKey ca;
        Path certFile;
        String field;
        if (source.pkcs12() != null) {
            if (source.rootKey() != null || source.intermediateCert() != null || source.intermediateKey() != null) {
                throw new InputException(source.pkcs12().toString(), "", "a PKCS#12 file and PEM key or intermediate files were both given.",
                        "Give either the PKCS#12 file (plus, if it lacks the root, the root certificate) or the PEM files.");
            }
            ca = PkiFiles.readPkcs12(source.pkcs12(), passphrase);
            certFile = source.pkcs12();
            field = "PKCS#12 certificate";
        } else if (source.intermediateCert() != null || source.intermediateKey() != null) {
            if (source.intermediateCert() == null) {
                throw new InputException(source.intermediateKey().toString(), "", "an intermediate CA key was given without its certificate.",
                        "Give the intermediate CA certificate too.");
            }
            if (source.intermediateKey() == null) {
                throw new InputException(source.intermediateCert().toString(), "", "Edge CAs are issued by this intermediate CA, so its "
                        + "private key is needed" + (source.rootKey() != null ? "; the root CA key given does not sign for it" : "") + ".",
                        "Give the intermediate CA's key file (the root's key is not needed), or import the root alone.");
            }
            List<X509Certificate> certs = PkiFiles.readCertificates(source.intermediateCert());
            PrivateKey key = PkiFiles.readPrivateKey(source.intermediateKey(), passphrase);
            ca = new CertifiedKey(certs.get(0), key, certs.subList(1, certs.size()));
            certFile = source.intermediateCert();
            field = "intermediate CA certificate";
        } else {
            if (source.rootCert() == null || source.rootKey() == null) {
                Path given = source.rootCert() != null ? source.rootCert() : source.rootKey();
                throw new InputException(given == null ? "" : given.toString(), "", "importing a root CA needs its certificate and its key.",
                        "Give both the root CA certificate and its key file, or a PKCS#12 file.");
            }
            List<X509Certificate> certs = PkiFiles.readCertificates(source.rootCert());
            PrivateKey key = PkiFiles.readPrivateKey(source.rootKey(), passphrase);
            ca = new CertifiedKey(certs.get(0), key, certs.subList(1, certs.size()));
            certFile = source.rootCert();
            field = Certificates.isSelfSigned(ca.certificate()) ? "root CA certificate" : "CA certificate";
        }
        if (source.rootCert() != null && (source.pkcs12() != null || source.intermediateCert() != null)) {
            ca = withRoot(ca, PkiFiles.readCertificates(source.rootCert()).get(0), source.rootCert());
        }
        List<Finding> findings = CaInspector.inspectIssuingCa(ca.fullChain(), ca.privateKey(), field, now);
        refuseErrors(findings, certFile, source.issuingKeyFile(), ca.certificate());
        return new Imported(ca, ca.top(), findings);
    }

    /** Appends {@code root} when the chain stops below it; refuses a chain that ends at another root. */
    private static CertifiedKey withRoot(CertifiedKey ca, X509Certificate root, Path rootFile) throws InputException {
        X509Certificate top = ca.top();
        if (top.equals(root)) {
            return ca;
        }
        if (Certificates.isSelfSigned(top)) {
            throw new InputException(rootFile.toString(), "", "the CA's chain ends at the root '" + Certificates.commonName(top)
                    + "', not at '" + Certificates.commonName(root) + "' given as the root CA.",
                    "Give the root CA that issued the intermediate (or leave the root out: the chain already holds it).");
        }
        List<X509Certificate> issuers = new ArrayList<>(ca.issuers());
        issuers.add(root);
        return new CertifiedKey(ca.certificate(), ca.privateKey(), issuers);
    }

    private static void refuseErrors(List<Finding> findings, Path certFile, Path keyFile, X509Certificate cert) throws InputException {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return;
        }
        if (errors.stream().anyMatch(f -> f.ruleId().equals("NE-PKI-KEY-MISMATCH")) && !keyFile.equals(certFile)) {
            throw new InputException(keyFile.toString(), "", "the private key does not match the certificate '" + Certificates.commonName(cert)
                    + "' in " + certFile.getFileName() + ".", "Give the key file that belongs to this certificate.");
        }
        String problem = "cannot issue Edge CAs from '" + Certificates.commonName(cert) + "': "
                + errors.stream().map(Finding::message).collect(Collectors.joining(" "));
        throw new InputException(certFile.toString(), errors.get(0).field(), problem, errors.get(0).fix());
    }

    /**
     * Imports a root (or an intermediate whose file carries its chain up to the root) from PEM files.
     *
     * @param certFile PEM file; first certificate = the CA, then its issuers
     * @param keyFile PEM private key of the first certificate (may be encrypted)
     * @param passphrase pass phrase of an encrypted key (null when unencrypted); used, not kept
     * @throws InputException as {@link #load}
     */
    public static CertifiedKey fromPem(Path certFile, Path keyFile, char[] passphrase) throws InputException {
        return fromPem(certFile, keyFile, passphrase, Instant.now());
    }

    /** As {@link #fromPem(Path, Path, char[])}, judging validity at {@code now}. */
    public static CertifiedKey fromPem(Path certFile, Path keyFile, char[] passphrase, Instant now) throws InputException {
        return load(Source.pem(certFile, keyFile), passphrase, now).issuingCa();
    }

    /**
     * Imports a CA from a PKCS#12 file (first key entry and its chain, which must reach the root).
     *
     * @throws InputException as {@link #load}
     */
    public static CertifiedKey fromPkcs12(Path p12File, char[] passphrase) throws InputException {
        return load(Source.pkcs12(p12File), passphrase, Instant.now()).issuingCa();
    }
}
