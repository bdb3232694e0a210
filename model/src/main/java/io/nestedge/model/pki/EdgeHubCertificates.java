package io.nestedge.model.pki;

import io.nestedge.model.KeyType;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * edgeHub's TLS server certificate, issued the way the IoT Edge runtime issues it from the
 * device's Edge CA (facts §4): CN = hostname; SAN = the hostname (an IP address entry when it
 * parses as an IPv4/IPv6 literal, otherwise DNS) plus {@code DNS:edgeHub}; EKU serverAuth;
 * a fresh RSA-2048 key; about 30 days, never past the Edge CA's notAfter. Thread-safe.
 */
public final class EdgeHubCertificates {
    /** Validity the runtime asks for. */
    public static final Duration VALIDITY = Duration.ofDays(30);
    /** The module name every edgeHub certificate also carries as a DNS SAN. */
    public static final String EDGEHUB_SAN = "edgeHub";

    private EdgeHubCertificates() {
    }

    /**
     * Issues edgeHub's server certificate.
     *
     * @param issuer a certificate issuer (its clock sets "now")
     * @param edgeCa the device's Edge CA with its key; its full chain is the Edge CA file
     * @param hostname the device's {@code hostname} from config.toml (FQDN, single label or IP)
     * @return the server certificate and its key; {@code issuers} is the Edge CA file, leaf-first
     * @throws IllegalArgumentException if the hostname is empty or over 64 characters, or the
     *     Edge CA cannot issue (expired, CA:FALSE, no keyCertSign)
     */
    public static CertifiedKey issueServerCertificate(CertificateIssuer issuer, CertifiedKey edgeCa, String hostname) {
        return issueServerCertificate(issuer, edgeCa, hostname, KeyPairs.generate(KeyType.RSA_2048));
    }

    /**
     * Issues edgeHub's server certificate for a key pair generated beforehand (an RSA-2048 pair from
     * {@link KeyPairs#generate}, e.g. by an emulator that prepares keys ahead of time).
     *
     * @param kp the server's key pair (fresh, never used for anything else)
     * @see #issueServerCertificate(CertificateIssuer, CertifiedKey, String)
     */
    public static CertifiedKey issueServerCertificate(CertificateIssuer issuer, CertifiedKey edgeCa, String hostname,
            KeyPair kp) {
        X509Certificate cert = issuer.serverCertificate(edgeCa, kp, hostname, subjectAltNames(hostname), VALIDITY);
        return new CertifiedKey(cert, kp.getPrivate(), edgeCa.fullChain());
    }

    /**
     * The SAN of edgeHub's certificate for a hostname: {@code IP:<hostname>} or
     * {@code DNS:<hostname>}, then {@code DNS:edgeHub}.
     */
    public static GeneralNames subjectAltNames(String hostname) {
        GeneralName host = isIpLiteral(hostname) ? new GeneralName(GeneralName.iPAddress, hostname)
                : new GeneralName(GeneralName.dNSName, hostname);
        return new GeneralNames(new GeneralName[] {host, new GeneralName(GeneralName.dNSName, EDGEHUB_SAN)});
    }

    /** True when the text is an IPv4 or IPv6 literal (no DNS lookup). */
    public static boolean isIpLiteral(String hostname) {
        return hostname != null && IPAddress.isValid(hostname);
    }

    /**
     * The chain edgeHub presents in the TLS handshake: its server certificate followed by the
     * whole Edge CA file (facts §4: the runtime appends the file after every server cert it
     * issues), leaf-first.
     *
     * @param serverCertificate edgeHub's certificate
     * @param edgeCaFile the certificates of the Edge CA file, in file order (Edge CA first)
     */
    public static List<X509Certificate> presentedChain(X509Certificate serverCertificate, List<X509Certificate> edgeCaFile) {
        List<X509Certificate> chain = new ArrayList<>(edgeCaFile.size() + 1);
        chain.add(serverCertificate);
        chain.addAll(edgeCaFile);
        return List.copyOf(chain);
    }
}
