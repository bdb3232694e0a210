package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.model.KeyType;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.EdgeHubCertificates;
import io.nestedge.model.pki.KeyPairs;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issues the emulated edgeHub's server certificate with the project's PKI
 * ({@link EdgeHubCertificates#issueServerCertificate}, the runtime's profile, facts §4), and the
 * quickstart Edge CA with {@link CertificateIssuer#rootCa}. The server key comes from a key source:
 * a fresh RSA-2048 pair per certificate, or one prepared ahead of time (the test bed's emulator
 * daemon, {@code RsaKeyReserve}). Thread-safe when the key source is.
 */
public final class PkiServerCertIssuer implements ServerCertIssuer {
    private final Supplier<KeyPair> serverKeys;

    /** Generates a fresh RSA-2048 key pair for every server certificate. */
    public PkiServerCertIssuer() {
        this(() -> KeyPairs.generate(KeyType.RSA_2048));
    }

    /**
     * @param serverKeys supplies a fresh, unused RSA-2048 key pair for each server certificate
     */
    public PkiServerCertIssuer(Supplier<KeyPair> serverKeys) {
        this.serverKeys = serverKeys;
    }

    @Override
    public Issued issueServerCert(X509Certificate caCert, PrivateKey caKey, String hostname, Instant now) {
        CertificateIssuer issuer = new CertificateIssuer(Clock.fixed(now, ZoneOffset.UTC));
        CertifiedKey server = EdgeHubCertificates.issueServerCertificate(issuer, new CertifiedKey(caCert, caKey, List.of()),
                hostname, serverKeys.get());
        return new Issued(server.privateKey(), List.of(server.certificate()));
    }

    @Override
    public Issued issueQuickstartCa(String cn, Instant now, int days) {
        CertifiedKey ca = new CertificateIssuer(Clock.fixed(now, ZoneOffset.UTC)).rootCa(cn, KeyType.RSA_2048, days);
        return new Issued(ca.privateKey(), List.of(ca.certificate()));
    }
}
