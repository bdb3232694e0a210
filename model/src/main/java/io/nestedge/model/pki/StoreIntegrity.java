package io.nestedge.model.pki;

import io.nestedge.model.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that the certificates of a PKI store still form the chain they were written as, so a
 * damaged file (one changed byte, a bad copy) is never exported: every device trusts the root CA
 * file as its trust bundle and sends its Edge CA chain to its children (facts §4), and a broken
 * link there fails TLS on the devices, far from the cause. Stateless.
 */
final class StoreIntegrity {
    private StoreIntegrity() {
    }

    /**
     * Checks the issuing CA's chain: each certificate is signed by the next, a self-issued top verifies
     * with its own key, and the store's root CA certificate (when the store has one) is that top or
     * signed it.
     *
     * @param chain the issuing CA's full chain, leaf-first, as read from {@code chainFile}
     * @param chainFile the file the chain was read from (named in the error)
     * @param rootFile the store's root CA certificate file (may not exist for an imported intermediate)
     * @throws InputException naming the damaged file, with the fix
     */
    static void checkIssuingChain(List<X509Certificate> chain, Path chainFile, Path rootFile, Path storeDir) throws InputException {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!Certificates.signedBy(chain.get(i), chain.get(i + 1))) {
                throw damaged(chainFile, "certificate " + (i + 1), "'" + Certificates.commonName(chain.get(i))
                        + "' does not verify with the key of '" + Certificates.commonName(chain.get(i + 1)) + "' (the file is damaged).", storeDir);
            }
        }
        X509Certificate top = chain.get(chain.size() - 1);
        if (top.getSubjectX500Principal().equals(top.getIssuerX500Principal()) && !Certificates.signedBy(top, top)) {
            throw damaged(chainFile, "certificate " + chain.size(), "the self-signed certificate '" + Certificates.commonName(top)
                    + "' does not verify with its own key (the file is damaged).", storeDir);
        }
        if (!Files.exists(rootFile)) {
            return;
        }
        X509Certificate root = PkiFiles.readCertificates(rootFile).get(0);
        if (!Certificates.isSelfSigned(root)) {
            throw damaged(rootFile, "certificate 1", "the root CA certificate '" + Certificates.commonName(root)
                    + "' is not a valid self-signed certificate (the file is damaged).", storeDir);
        }
        if (!sameCertificate(root, top) && !Certificates.signedBy(top, root)) {
            throw damaged(rootFile, "certificate 1", "the root CA certificate '" + Certificates.commonName(root)
                    + "' did not issue the CA chain in " + chainFile.getFileName() + ", so devices would not trust their Edge CAs.",
                    storeDir);
        }
    }

    /**
     * True when a stored Edge CA chain (leaf-first) was issued by {@code issuingCa} and carries
     * exactly its chain after the leaf: the leaf's signature verifies with the issuing CA's key and
     * every following certificate is byte for byte the issuing CA's.
     */
    static boolean issuedBy(List<X509Certificate> edgeCaChain, CertifiedKey issuingCa) {
        List<X509Certificate> expected = issuingCa.fullChain();
        if (edgeCaChain.size() != expected.size() + 1 || !Certificates.signedBy(edgeCaChain.get(0), issuingCa.certificate())) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameCertificate(edgeCaChain.get(i + 1), expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static InputException damaged(Path file, String location, String problem, Path storeDir) {
        return new InputException(file.toString(), location, problem, "Restore the PKI store " + storeDir
                + " from your backup. Without one, move it aside and export again: a new root CA is generated and every device "
                + "must then be commissioned again.");
    }
}
