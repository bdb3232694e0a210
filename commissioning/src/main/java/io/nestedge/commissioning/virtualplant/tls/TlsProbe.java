package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Performs a real TLS handshake and returns the chain the server presented. Verification is done
 * afterwards by {@link ChainVerifier} against the device's own trust store, so the caller can report
 * OpenSSL-style reasons; the handshake itself accepts any chain.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    /**
     * @param address where to connect
     * @param sniHost server name to send (skipped for IP literals)
     * @param timeoutMillis connect and read timeout
     * @return the presented chain, leaf first
     * @throws IOException when the TCP connection or the handshake fails
     */
    public static List<X509Certificate> handshake(InetSocketAddress address, String sniHost, int timeoutMillis)
            throws IOException {
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAll()}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS unavailable: " + e.getMessage(), e);
        }
        try (Socket raw = new Socket()) {
            raw.connect(address, timeoutMillis);
            raw.setSoTimeout(timeoutMillis);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, sniHost, address.getPort(), false)) {
                if (sniHost != null && !HostnameRules.isIpLiteral(sniHost)) {
                    SSLParameters p = s.getSSLParameters();
                    p.setServerNames(List.of(new SNIHostName(sniHost)));
                    s.setSSLParameters(p);
                }
                s.startHandshake();
                List<X509Certificate> out = new ArrayList<>();
                for (Certificate c : s.getSession().getPeerCertificates()) {
                    out.add((X509Certificate) c);
                }
                return out;
            }
        }
    }

    /** Accepts any server chain; the caller verifies it. */
    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
