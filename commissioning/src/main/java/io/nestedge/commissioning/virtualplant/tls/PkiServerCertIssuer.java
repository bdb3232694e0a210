package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.model.KeyType;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.EdgeHubCertificates;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Issues the emulated edgeHub's server certificate with the project's PKI
 * ({@link EdgeHubCertificates#issueServerCertificate}, the runtime's profile, facts §4), and the
 * quickstart Edge CA with {@link CertificateIssuer#rootCa}. Thread-safe.
 */
public final class PkiServerCertIssuer implements ServerCertIssuer {
    @Override
    public Issued issueServerCert(X509Certificate caCert, PrivateKey caKey, String hostname, Instant now) {
        CertificateIssuer issuer = new CertificateIssuer(Clock.fixed(now, ZoneOffset.UTC));
        CertifiedKey server = EdgeHubCertificates.issueServerCertificate(issuer, new CertifiedKey(caCert, caKey, List.of()), hostname);
        return new Issued(server.privateKey(), List.of(server.certificate()));
    }

    @Override
    public Issued issueQuickstartCa(String cn, Instant now, int days) {
        CertifiedKey ca = new CertificateIssuer(Clock.fixed(now, ZoneOffset.UTC)).rootCa(cn, KeyType.RSA_2048, days);
        return new Issued(ca.privateKey(), List.of(ca.certificate()));
    }
}
