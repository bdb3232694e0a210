package io.nestedge.model.pki;

import io.nestedge.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Writes certificate and key files for a device bundle under Microsoft's script names
 * ({@link PkiFileNames}), atomically; certificates 0644, keys 0600 in a 0700 {@code private/}.
 * Keys are unencrypted PKCS#8 for the device (keyd reads only those, facts §4) unless a transport
 * pass phrase is given. Stateless and thread-safe (different devices may be written in parallel).
 */
public final class CertFiles {
    private CertFiles() {
    }

    /**
     * The files written for one certificate.
     *
     * @param cert the certificate alone
     * @param fullChain the certificate and its chain, leaf-first
     * @param key the private key
     */
    public record Written(Path cert, Path fullChain, Path key) {
    }

    /** How a written key is protected. */
    public record KeyProtection(char[] passphrase, int iterations) {
        /** Unencrypted PKCS#8, what the device needs. */
        public static KeyProtection none() {
            return new KeyProtection(null, 0);
        }

        /** Encrypted PKCS#8 (AES-256-CBC, PBKDF2-HMAC-SHA256, {@code iterations}) for transport or at rest. */
        public static KeyProtection encrypted(char[] passphrase, int iterations) {
            return new KeyProtection(passphrase, iterations);
        }

        String encode(java.security.PrivateKey key) {
            return passphrase == null ? Pem.privateKey(key) : Pem.encryptedPrivateKey(key, passphrase, iterations);
        }
    }

    /**
     * Writes an Edge CA: {@code certs/iot-edge-device-ca-<id>.cert.pem},
     * {@code certs/iot-edge-device-ca-<id>-full-chain.cert.pem} (the file for {@code [edge_ca] cert})
     * and {@code private/iot-edge-device-ca-<id>.key.pem} (for {@code [edge_ca] pk}).
     *
     * @throws IOException if writing fails (the previous files are then unchanged)
     */
    public static Written writeEdgeCa(Path base, String deviceId, CertifiedKey edgeCa, KeyProtection protection) throws IOException {
        return write(base, PkiFileNames.edgeCaCert(deviceId), PkiFileNames.edgeCaFullChain(deviceId), PkiFileNames.edgeCaKey(deviceId),
                edgeCa, protection);
    }

    /**
     * Writes an X.509 identity certificate: {@code certs/iot-device-<id>.cert.pem}, its full chain
     * and {@code private/iot-device-<id>.key.pem} (for {@code identity_cert}/{@code identity_pk}).
     *
     * @throws IOException if writing fails
     */
    public static Written writeIdentity(Path base, String deviceId, CertifiedKey identity, KeyProtection protection) throws IOException {
        return write(base, PkiFileNames.identityCert(deviceId), PkiFileNames.identityFullChain(deviceId), PkiFileNames.identityKey(deviceId),
                identity, protection);
    }

    /**
     * Writes the root CA certificate ({@code certs/azure-iot-test-only.root.ca.cert.pem}, the trust bundle).
     *
     * @throws IOException if writing fails
     */
    public static Path writeRoot(Path base, X509Certificate root) throws IOException {
        Path p = base.resolve(PkiFileNames.ROOT_CERT);
        writeCerts(p, List.of(root));
        return p;
    }

    /**
     * Writes certificates as PEM, in list order, 0644.
     *
     * @throws IOException if writing fails
     */
    public static void writeCerts(Path file, List<X509Certificate> certs) throws IOException {
        AtomicFiles.write(file, Pem.certificates(certs).getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static Written write(Path base, String certRel, String chainRel, String keyRel, CertifiedKey ck, KeyProtection protection)
            throws IOException {
        Path cert = base.resolve(certRel);
        Path chain = base.resolve(chainRel);
        Path key = base.resolve(keyRel);
        writeCerts(cert, List.of(ck.certificate()));
        writeCerts(chain, ck.fullChain());
        Files.createDirectories(key.getParent());
        if (Files.getFileStore(key.getParent()).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(key.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
        AtomicFiles.write(key, protection.encode(ck.privateKey()).getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-------"));
        return new Written(cert, chain, key);
    }
}
