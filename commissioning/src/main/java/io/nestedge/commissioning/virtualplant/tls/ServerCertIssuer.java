package io.nestedge.commissioning.virtualplant.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Issues edgeHub's TLS server certificate from the Edge CA "like the runtime" (facts §4): CN =
 * hostname, SAN = hostname (DNS, or IP when it parses as one) + {@code DNS:edgeHub}, EKU serverAuth,
 * RSA-2048, about 30 days, never past the Edge CA's notAfter. Kept behind an interface so the
 * project's PKI class ({@code io.nestedge.model.pki}) is {@link PkiServerCertIssuer}.
 */
public interface ServerCertIssuer {
    /**
     * @param caCert the Edge CA certificate (first of the Edge CA file)
     * @param caKey its private key
     * @param hostname the device hostname (edgeHub's {@code EdgeDeviceHostName})
     * @param now issuance time
     * @return the new key and certificate
     */
    Issued issueServerCert(X509Certificate caCert, PrivateKey caKey, String hostname, Instant now);

    /**
     * A self-signed quickstart Edge CA (used when config.toml has no {@code [edge_ca]}).
     *
     * @param cn subject CN
     * @param now issuance time
     * @param days validity in days
     */
    Issued issueQuickstartCa(String cn, Instant now, int days);

    /** A key and its certificate (chain: the certificate first). */
    record Issued(PrivateKey key, List<X509Certificate> chain) {
        /** The issued certificate. */
        public X509Certificate cert() {
            return chain.get(0);
        }
    }
}
