package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.KeyType;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * edgeHub-style server certificates in a real TLS handshake: a JSSE server presents the server cert
 * followed by the Edge CA file (facts §4), {@code openssl s_client} verifies it against the root.
 */
class EdgeHubTlsTest {
    static final CertificateIssuer ISSUER = CertificateIssuer.systemClock();
    static CertifiedKey root;
    static CertifiedKey intermediate;
    static CertifiedKey otherRoot;

    @TempDir
    Path dir;

    @BeforeAll
    static void ca() {
        root = ISSUER.rootCa("Plant7 Root CA", KeyType.RSA_2048, 3650);
        intermediate = ISSUER.intermediateCa(root, "Plant7 Intermediate CA", KeyType.RSA_2048, 1825);
        otherRoot = ISSUER.rootCa("Other Root CA", KeyType.EC_P256, 3650);
    }

    @Test
    void rsaEdgeCaServesAVerifiableChainForAnFqdn() throws Exception {
        handshake(KeyType.RSA_2048, "l4-gw.plant7.example.net", false);
    }

    @Test
    void ecEdgeCaServesAVerifiableChainForAnFqdn() throws Exception {
        handshake(KeyType.EC_P256, "l3-gw.plant7.example.net", false);
    }

    @Test
    void ipHostnameGetsAnIpSanAndVerifies() throws Exception {
        CertifiedKey edgeCa = ISSUER.edgeCa(intermediate, new EdgeCaRequest("l3-gw", "127.0.0.1", KeyType.EC_P256, 365));
        CertifiedKey server = EdgeHubCertificates.issueServerCertificate(ISSUER, edgeCa, "127.0.0.1");
        Files.writeString(dir.resolve("srv.pem"), Pem.certificate(server.certificate()));
        String text = OpenSsl.run(dir, "x509", "-in", "srv.pem", "-text", "-noout").ok().output();
        assertThat(text).contains("IP Address:127.0.0.1", "DNS:edgeHub").doesNotContain("DNS:127.0.0.1");
        handshake(KeyType.EC_P256, "127.0.0.1", true);
    }

    @Test
    void serverCertificateHasTheRuntimeProfileAndIsCappedAtTheEdgeCa() throws Exception {
        CertifiedKey shortCa = ISSUER.edgeCa(intermediate, new EdgeCaRequest("gw", "gw.example.net", KeyType.EC_P256, 10));
        CertifiedKey server = EdgeHubCertificates.issueServerCertificate(ISSUER, shortCa, "gw.example.net");
        assertThat(server.certificate().getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
        CertifiedKey normalCa = ISSUER.edgeCa(intermediate, EdgeCaRequest.of("gw", "gw.example.net"));
        X509Certificate c = EdgeHubCertificates.issueServerCertificate(ISSUER, normalCa, "gw.example.net").certificate();
        assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays()).isEqualTo(30);
        assertThat(KeyPairs.describe(c.getPublicKey())).isEqualTo("RSA-2048");
        Files.writeString(dir.resolve("srv.pem"), Pem.certificate(c));
        String text = OpenSsl.run(dir, "x509", "-in", "srv.pem", "-text", "-noout").ok().output();
        assertThat(text).contains("Subject: CN = gw.example.net", "Issuer: CN = gw.ca", "DNS:gw.example.net, DNS:edgeHub");
        assertThat(text).containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Server Authentication");
        assertThat(text).containsPattern("CA:FALSE");
    }

    private void handshake(KeyType edgeCaType, String hostname, boolean ip) throws Exception {
        CertifiedKey edgeCa = ISSUER.edgeCa(intermediate, new EdgeCaRequest("dev", hostname, edgeCaType, 365));
        CertifiedKey server = EdgeHubCertificates.issueServerCertificate(ISSUER, edgeCa, hostname);
        List<X509Certificate> presented = EdgeHubCertificates.presentedChain(server.certificate(), edgeCa.fullChain());
        assertThat(presented).containsExactly(server.certificate(), edgeCa.certificate(), intermediate.certificate(), root.certificate());
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("other-root.pem"), Pem.certificate(otherRoot.certificate()));
        String[] nameCheck = ip ? new String[] {"-verify_ip", hostname} : new String[] {"-verify_hostname", hostname};

        try (TlsServer srv = new TlsServer(server, presented)) {
            OpenSsl.Result ok = sClient(srv.port(), "root.pem", nameCheck);
            assertThat(ok.output()).contains("Verify return code: 0 (ok)");
            assertThat(ok.output()).contains("0 s:CN = " + hostname, "1 s:CN = dev.ca", "2 s:CN = Plant7 Intermediate CA", "3 s:CN = Plant7 Root CA");
            assertThat(ok.exit()).isZero();

            OpenSsl.Result bad = sClient(srv.port(), "other-root.pem", nameCheck);
            assertThat(bad.output()).doesNotContain("Verify return code: 0 (ok)").contains("verify error");
            assertThat(bad.exit()).isNotZero();

            OpenSsl.Result wrongName = sClient(srv.port(), "root.pem", ip ? new String[] {"-verify_ip", "10.9.9.9"}
                    : new String[] {"-verify_hostname", "not-" + hostname});
            assertThat(wrongName.output()).doesNotContain("Verify return code: 0 (ok)");
        }
    }

    private OpenSsl.Result sClient(int port, String caFile, String[] nameCheck) throws Exception {
        String[] base = {"s_client", "-connect", "127.0.0.1:" + port, "-verify_return_error", "-showcerts", "-CAfile", caFile};
        String[] args = new String[base.length + nameCheck.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(nameCheck, 0, args, base.length, nameCheck.length);
        return OpenSsl.run(dir, java.util.Map.of(), "", args);
    }

    /** A JSSE TLS server on 127.0.0.1 presenting the given chain; accepts connections until closed. */
    static final class TlsServer implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread thread;

        TlsServer(CertifiedKey server, List<X509Certificate> chain) throws Exception {
            char[] pw = "in-memory".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("edgehub", server.privateKey(), pw, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "tls-test-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket s = (SSLSocket) socket.accept()) {
                    s.startHandshake();
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // drain until the client closes
                    }
                } catch (Exception e) {
                    // a client that refuses the chain aborts the handshake: expected in the negative cases
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
