package io.nestedge.model.pki;

import io.nestedge.model.io.InputException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Imports an existing CA (root or intermediate, e.g. from Microsoft's test-certificate script) to
 * issue from: certificate file + key file in any PEM form {@link PkiFiles} reads, or a PKCS#12 file.
 * The first certificate is the CA; the rest of the file is its chain, leaf-first. Refuses a CA that
 * cannot issue (CA:FALSE, no keyCertSign) or whose key does not match. Stateless and thread-safe.
 */
public final class CaImport {
    private CaImport() {
    }

    /**
     * Imports a CA from PEM files.
     *
     * @param certFile PEM file; first certificate = the CA, then its issuers
     * @param keyFile PEM private key of the first certificate (may be encrypted)
     * @param passphrase pass phrase of an encrypted key (null when unencrypted); used, not kept
     * @throws InputException naming the file when a file is unreadable, the pass phrase wrong, the key
     *     does not match the certificate, or the certificate is not a CA
     */
    public static CertifiedKey fromPem(Path certFile, Path keyFile, char[] passphrase) throws InputException {
        List<X509Certificate> certs = PkiFiles.readCertificates(certFile);
        PrivateKey key = PkiFiles.readPrivateKey(keyFile, passphrase);
        return checked(new CertifiedKey(certs.get(0), key, certs.subList(1, certs.size())), certFile, keyFile);
    }

    /**
     * Imports a CA from a PKCS#12 file (first key entry and its chain).
     *
     * @throws InputException as {@link #fromPem}
     */
    public static CertifiedKey fromPkcs12(Path p12File, char[] passphrase) throws InputException {
        return checked(PkiFiles.readPkcs12(p12File, passphrase), p12File, p12File);
    }

    private static CertifiedKey checked(CertifiedKey ca, Path certFile, Path keyFile) throws InputException {
        X509Certificate c = ca.certificate();
        String cn = Certificates.commonName(c);
        if (!KeyPairs.matches(c.getPublicKey(), ca.privateKey())) {
            throw new InputException(keyFile.toString(), "", "the private key does not match the certificate '" + cn
                    + "' in " + certFile.getFileName() + ".", "Give the key file that belongs to this certificate.");
        }
        if (!Certificates.isCa(c)) {
            throw new InputException(certFile.toString(), "certificate 1", "'" + cn + "' has basicConstraints CA:FALSE; it cannot issue certificates.",
                    "Import a CA certificate (CA:TRUE, keyUsage keyCertSign).");
        }
        if (!Certificates.mayIssueCertificates(c)) {
            throw new InputException(certFile.toString(), "certificate 1", "'" + cn + "' lacks keyUsage keyCertSign.",
                    "Import a CA certificate (CA:TRUE, keyUsage keyCertSign).");
        }
        return ca;
    }
}
