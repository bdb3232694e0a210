package io.nestedge.model.pki;

import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Inspects imported or existing CAs with the rules issuance follows (facts §4, field cases F1–F3),
 * returning {@link Finding}s rather than throwing. Rule IDs:
 * <ul>
 * <li>{@code NE-PKI-FILE} error: a file is unreadable;</li>
 * <li>{@code NE-PKI-EDGE-CA-NOT-CA} error: Edge CA with CA:FALSE or no basicConstraints (F1);</li>
 * <li>{@code NE-PKI-EDGE-CA-KEYCERTSIGN} error: keyUsage without keyCertSign;
 *     {@code NE-PKI-EDGE-CA-KEYUSAGE} warning: no keyUsage at all;</li>
 * <li>{@code NE-PKI-EDGE-CA-CN} error: CN equal to the hostname or device ID;</li>
 * <li>{@code NE-PKI-KEY-ENCRYPTED} error: the Edge CA key is encrypted; keyd reads only
 *     unencrypted keys (F2);</li>
 * <li>{@code NE-PKI-KEY-MISMATCH} error: the key does not match cert[0] (F2);</li>
 * <li>{@code NE-PKI-CHAIN-ORDER} error: a certificate is not signed by the next one (not leaf-first);</li>
 * <li>{@code NE-PKI-CHAIN-INCOMPLETE} error: the chain does not reach the trust bundle; names the
 *     missing link (F3);</li>
 * <li>{@code NE-PKI-NOT-YET-VALID}, {@code NE-PKI-EXPIRED} errors, {@code NE-PKI-EXPIRING}
 *     warning within 7 days (the device's {@code certs-preloaded} check);</li>
 * <li>{@code NE-PKI-KEY-SIZE} error: RSA below 2048 bits; {@code NE-PKI-KEY-CURVE} warning: an
 *     EC curve other than P-256 (not a tested Edge CA key type; an error for an issuing CA);</li>
 * <li>issuing (root/intermediate) CAs, {@link #inspectIssuingCa}: {@code NE-PKI-CA-NOT-CA},
 *     {@code NE-PKI-CA-KEYCERTSIGN}, {@code NE-PKI-CA-PATHLEN} errors, and the chain and validity
 *     rules above;</li>
 * <li>{@code NE-PKI-KEY-ID} warning: SKI or AKI missing.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CaInspector {
    /** The device's check warns when a certificate expires within this (facts §4). */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);
    static final String CERT_FIELD = "edge_ca.cert";
    static final String KEY_FIELD = "edge_ca.pk";

    private CaInspector() {
    }

    /**
     * Inspects a device's Edge CA files as they would be configured in {@code [edge_ca]}.
     *
     * @param deviceId IoT Hub device ID
     * @param hostname the device's hostname
     * @param certFile the Edge CA file (Edge CA first, then its chain)
     * @param keyFile the Edge CA key file, or null when only the certificate is inspected
     * @param passphrase pass phrase to open an encrypted key for the match check, or null
     * @param trustBundle the trust bundle's certificates (the root, maybe intermediates)
     * @param now the time to judge validity at
     * @return findings, empty when the Edge CA is usable
     */
    public static List<Finding> inspectEdgeCaFiles(String deviceId, String hostname, Path certFile, Path keyFile, char[] passphrase,
            List<X509Certificate> trustBundle, Instant now) {
        List<Finding> out = new ArrayList<>();
        List<X509Certificate> certs;
        try {
            certs = PkiFiles.readCertificates(certFile);
        } catch (InputException e) {
            out.add(new Finding("NE-PKI-FILE", Severity.ERROR, deviceId, CERT_FIELD, e.getMessage(), e.fix()));
            return out;
        }
        PrivateKey key = null;
        if (keyFile != null) {
            try {
                PkiFiles.KeyFile kf = PkiFiles.probeKey(keyFile);
                if (kf.format().encrypted()) {
                    out.add(new Finding("NE-PKI-KEY-ENCRYPTED", Severity.ERROR, deviceId, KEY_FIELD,
                            keyFile + " is encrypted (" + kf.format() + "); the device's keyd reads only unencrypted keys"
                                    + " (often the root's key was given instead of the Edge CA's).",
                            "Give the pass phrase at export: NestEdge Studio decrypts the key into the bundle as unencrypted PKCS#8."));
                }
                if (!kf.format().encrypted() || (passphrase != null && passphrase.length > 0)) {
                    key = PkiFiles.readPrivateKey(keyFile, passphrase);
                }
            } catch (InputException e) {
                out.add(new Finding("NE-PKI-FILE", Severity.ERROR, deviceId, KEY_FIELD, e.getMessage(), e.fix()));
            }
        }
        out.addAll(inspectEdgeCa(deviceId, hostname, certs, key, trustBundle, now));
        return out;
    }

    /**
     * Inspects an Edge CA given as objects.
     *
     * @param edgeCaFile the Edge CA file's certificates, in file order
     * @param key the Edge CA private key, or null to skip the match check
     */
    public static List<Finding> inspectEdgeCa(String deviceId, String hostname, List<X509Certificate> edgeCaFile, PrivateKey key,
            List<X509Certificate> trustBundle, Instant now) {
        List<Finding> out = new ArrayList<>();
        if (edgeCaFile.isEmpty()) {
            out.add(error("NE-PKI-FILE", deviceId, CERT_FIELD, "the Edge CA file holds no certificate.", "Give the Edge CA full-chain file."));
            return out;
        }
        X509Certificate ca = edgeCaFile.get(0);
        String cn = Certificates.commonName(ca);
        if (!Certificates.isCa(ca)) {
            out.add(error("NE-PKI-EDGE-CA-NOT-CA", deviceId, CERT_FIELD, "the Edge CA '" + cn + "' has basicConstraints CA:FALSE (or none);"
                    + " the runtime accepts it but modules then cannot verify edgeHub's certificate.",
                    "Use a CA certificate (basicConstraints critical CA:TRUE, pathlen 0) or let NestEdge Studio issue the Edge CA."));
        }
        boolean[] ku = ca.getKeyUsage();
        if (ku == null) {
            out.add(new Finding("NE-PKI-EDGE-CA-KEYUSAGE", Severity.WARNING, deviceId, CERT_FIELD,
                    "the Edge CA '" + cn + "' has no keyUsage extension.", "Issue it with keyUsage critical digitalSignature, keyCertSign."));
        } else if (ku.length <= 5 || !ku[5]) {
            out.add(error("NE-PKI-EDGE-CA-KEYCERTSIGN", deviceId, CERT_FIELD, "the Edge CA '" + cn + "' lacks keyUsage keyCertSign;"
                    + " certificates it issues for edgeHub and modules will not verify.",
                    "Issue it with keyUsage critical digitalSignature, keyCertSign."));
        }
        if (cn.equalsIgnoreCase(hostname) || cn.equalsIgnoreCase(deviceId)) {
            out.add(error("NE-PKI-EDGE-CA-CN", deviceId, CERT_FIELD, "the Edge CA's CN '" + cn + "' equals the device's "
                    + (cn.equalsIgnoreCase(hostname) ? "hostname" : "device ID") + "; clients confuse it with edgeHub's server certificate.",
                    "Issue the Edge CA with CN '" + EdgeCaNames.commonName(deviceId, hostname) + "'."));
        }
        if (key != null && !KeyPairs.matches(ca.getPublicKey(), key)) {
            out.add(error("NE-PKI-KEY-MISMATCH", deviceId, KEY_FIELD, "the private key does not match the first certificate ('" + cn
                    + "') of the Edge CA file; a frequent mistake is the root's key configured as the Edge CA key.",
                    "Configure the key that belongs to '" + cn + "' (private/iot-edge-device-ca-<name>.key.pem)."));
        }
        for (int i = 0; i < edgeCaFile.size(); i++) {
            X509Certificate c = edgeCaFile.get(i);
            checkValidity(out, deviceId, CERT_FIELD + "[" + i + "]", c, now);
            checkKey(out, deviceId, CERT_FIELD + "[" + i + "]", c.getPublicKey(), Certificates.commonName(c), Severity.WARNING);
        }
        if (Certificates.subjectKeyId(ca).isEmpty() || Certificates.authorityKeyId(ca).isEmpty()) {
            out.add(new Finding("NE-PKI-KEY-ID", Severity.WARNING, deviceId, CERT_FIELD, "the Edge CA '" + cn + "' lacks "
                    + (Certificates.subjectKeyId(ca).isEmpty() ? "a subject" : "an authority") + " key identifier.",
                    "Issue it with SKI and AKI, as NestEdge Studio does."));
        }
        checkChain(out, deviceId, edgeCaFile, trustBundle);
        return out;
    }

    /**
     * Inspects a root or intermediate CA to issue Edge CAs from, e.g. one being imported (issue
     * "Export": imported CAs are inspected with the rules issuance follows). Errors: CA:FALSE
     * ({@code NE-PKI-CA-NOT-CA}), no keyCertSign ({@code NE-PKI-CA-KEYCERTSIGN}), a path length that
     * leaves no room for the Edge CA and the CAs below ({@code NE-PKI-CA-PATHLEN}), key not matching
     * the first certificate ({@code NE-PKI-KEY-MISMATCH}), a certificate not issued by the next one
     * ({@code NE-PKI-CHAIN-ORDER}), a chain that does not end at a self-signed root, which the trust
     * bundle needs ({@code NE-PKI-CHAIN-INCOMPLETE}, F3), expired or not yet valid, RSA below 2048 bits,
     * and any EC curve other than P-256 ({@code NE-PKI-KEY-CURVE}: an error here, since every Edge CA
     * and server certificate of the plant would hang below it; facts §4). Warning: expiring within
     * {@link #EXPIRY_WARNING}.
     *
     * @param chain the CA certificate first, then its issuers up to the root
     * @param key its private key, or null to skip the match check
     * @param field how findings name it, e.g. {@code pki.root}; findings about chain certificate
     *     {@code i} use {@code field[i]}
     * @param now the time to judge validity at
     * @return findings, empty when the CA can issue the plant's Edge CAs
     */
    public static List<Finding> inspectIssuingCa(List<X509Certificate> chain, PrivateKey key, String field, Instant now) {
        List<Finding> out = new ArrayList<>();
        if (chain.isEmpty()) {
            out.add(error("NE-PKI-FILE", "", field, "no CA certificate given.", "Give the CA certificate file."));
            return out;
        }
        X509Certificate ca = chain.get(0);
        String cn = Certificates.commonName(ca);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String f = i == 0 ? field : field + "[" + i + "]";
            String name = Certificates.commonName(c);
            if (!Certificates.isCa(c)) {
                out.add(error("NE-PKI-CA-NOT-CA", "", f, "'" + name + "' has basicConstraints CA:FALSE (or none); it cannot issue "
                        + (i == 0 ? "Edge CAs." : "CA certificates."), "Import a CA certificate (CA:TRUE, keyUsage keyCertSign)."));
            } else if (c.getBasicConstraints() < i + 1) {
                out.add(error("NE-PKI-CA-PATHLEN", "", f, "'" + name + "' has pathlen " + c.getBasicConstraints() + ", so the Edge CAs issued "
                        + "below it (themselves CAs) will not verify.", "Use a CA without pathlen or with pathlen ≥ " + (i + 1) + "."));
            }
            if (!Certificates.mayIssueCertificates(c)) {
                out.add(error("NE-PKI-CA-KEYCERTSIGN", "", f, "'" + name + "' lacks keyUsage keyCertSign.",
                        "Import a CA certificate (CA:TRUE, keyUsage keyCertSign)."));
            }
            checkValidity(out, "", f, c, now);
            checkKey(out, "", f, c.getPublicKey(), name, Severity.ERROR);
        }
        if (key != null && !KeyPairs.matches(ca.getPublicKey(), key)) {
            out.add(error("NE-PKI-KEY-MISMATCH", "", field, "the private key does not match '" + cn + "'.", "Give the key of this certificate."));
        }
        checkIssuingChain(out, field, chain);
        return out;
    }

    /** Each certificate issued by the next; the last one a self-signed root (the trust bundle). */
    private static void checkIssuingChain(List<Finding> out, String field, List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            X509Certificate next = chain.get(i + 1);
            if (!next.getSubjectX500Principal().equals(c.getIssuerX500Principal()) || !Certificates.signedBy(c, next)) {
                out.add(error("NE-PKI-CHAIN-ORDER", "", field + "[" + (i + 1) + "]", "'" + Certificates.commonName(c) + "' is not issued by '"
                        + Certificates.commonName(next) + "'; the CA's chain must run leaf-first up to its root.",
                        "Give the CA's own issuers in order (intermediate, …, root), or the root certificate that issued it."));
                return;
            }
        }
        X509Certificate top = chain.get(chain.size() - 1);
        if (!Certificates.isSelfSigned(top)) {
            out.add(error("NE-PKI-CHAIN-INCOMPLETE", "", field + "[" + (chain.size() - 1) + "]", "the chain stops at '"
                    + Certificates.commonName(top) + "': its issuer '" + top.getIssuerX500Principal().getName()
                    + "' is missing, and the trust bundle every device gets must be the root CA.",
                    "Also give the root CA certificate that issued it (the self-signed one)."));
        }
    }

    private static void checkChain(List<Finding> out, String deviceId, List<X509Certificate> file, List<X509Certificate> trust) {
        for (int i = 0; i < file.size(); i++) {
            X509Certificate c = file.get(i);
            String cn = Certificates.commonName(c);
            if (trust.stream().anyMatch(t -> t.equals(c))) {
                return; // reached a trusted certificate
            }
            X509Certificate anchor = trust.stream()
                    .filter(t -> t.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && Certificates.signedBy(c, t))
                    .findFirst().orElse(null);
            if (anchor != null) {
                return;
            }
            if (i + 1 < file.size()) {
                X509Certificate next = file.get(i + 1);
                if (!next.getSubjectX500Principal().equals(c.getIssuerX500Principal()) || !Certificates.signedBy(c, next)) {
                    out.add(error("NE-PKI-CHAIN-ORDER", deviceId, CERT_FIELD, "certificate " + (i + 1) + " ('" + cn + "') is not issued by certificate "
                            + (i + 2) + " ('" + Certificates.commonName(next) + "'); the Edge CA file must be leaf-first.",
                            "Write the file as Edge CA, then its intermediates, then the root (the -full-chain.cert.pem file)."));
                    return;
                }
                continue;
            }
            String issuerName = c.getIssuerX500Principal().getName();
            String msg = Certificates.isSelfSigned(c)
                    ? "the Edge CA file ends at the root '" + cn + "', which is not the trust bundle's root ("
                            + trustNames(trust) + "); children cannot build a chain to their trust root."
                    : "the chain stops at '" + cn + "': its issuer '" + issuerName + "' is neither in the Edge CA file nor in the trust bundle ("
                            + trustNames(trust) + "); children cannot build a chain to their trust root.";
            out.add(error("NE-PKI-CHAIN-INCOMPLETE", deviceId, CERT_FIELD, msg,
                    Certificates.isSelfSigned(c) ? "Use the same root CA for the whole hierarchy and set trust_bundle_cert to it."
                            : "Append '" + issuerName + "' (and any certificate above it) to the Edge CA file, and set trust_bundle_cert to the root."));
            return;
        }
    }

    private static String trustNames(List<X509Certificate> trust) {
        if (trust.isEmpty()) {
            return "empty";
        }
        return String.join(", ", trust.stream().map(t -> "'" + Certificates.commonName(t) + "'").toList());
    }

    private static void checkValidity(List<Finding> out, String deviceId, String field, X509Certificate c, Instant now) {
        String cn = Certificates.commonName(c);
        Instant nb = c.getNotBefore().toInstant();
        Instant na = c.getNotAfter().toInstant();
        if (now.isBefore(nb)) {
            out.add(error("NE-PKI-NOT-YET-VALID", deviceId, field, "'" + cn + "' is not valid before " + nb + ".",
                    "Check the issuing machine's clock and reissue, or wait."));
        } else if (!now.isBefore(na)) {
            out.add(error("NE-PKI-EXPIRED", deviceId, field, "'" + cn + "' expired on " + na + ".", "Renew the certificate and re-export."));
        } else if (now.plus(EXPIRY_WARNING).isAfter(na)) {
            out.add(new Finding("NE-PKI-EXPIRING", Severity.WARNING, deviceId, field, "'" + cn + "' expires on " + na
                    + ", within " + EXPIRY_WARNING.toDays() + " days.", "Renew the certificate and re-export."));
        }
    }

    private static void checkKey(List<Finding> out, String deviceId, String field, PublicKey key, String cn, Severity curveSeverity) {
        int rsa = KeyPairs.rsaBits(key);
        if (rsa > 0 && rsa < 2048) {
            out.add(error("NE-PKI-KEY-SIZE", deviceId, field, "'" + cn + "' has an RSA-" + rsa + " key; at least 2048 bits are required.",
                    "Reissue with RSA-2048 or EC P-256."));
        }
        if ("EC".equals(key.getAlgorithm()) && !"EC P-256".equals(KeyPairs.describe(key))) {
            out.add(new Finding("NE-PKI-KEY-CURVE", curveSeverity, deviceId, field, "'" + cn + "' uses " + KeyPairs.describe(key)
                    + "; IoT Edge is tested with RSA-2048 and EC P-256 only.", "Reissue with EC P-256 or RSA-2048."));
        }
    }

    private static Finding error(String id, String deviceId, String field, String message, String fix) {
        return new Finding(id, Severity.ERROR, deviceId, field, message, fix);
    }
}
