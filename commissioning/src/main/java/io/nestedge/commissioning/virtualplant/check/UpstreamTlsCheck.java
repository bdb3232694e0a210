package io.nestedge.commissioning.virtualplant.check;

import io.nestedge.commissioning.virtualplant.tls.ChainVerifier;
import io.nestedge.commissioning.virtualplant.tls.TlsProbe;
import io.nestedge.commissioning.virtualplant.tls.TrustStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code host-connect-iothub-*} on a child (facts §6): a real TLS handshake with the parent at
 * {@code parent_hostname}, verified with the device's OS trust store and the hostname, with the
 * runtime's messages (OpenSSL wording for verification failures, field case F10).
 */
final class UpstreamTlsCheck {
    /** OpenSSL's error line for a failed verification, followed by the verify reason. */
    static final String VERIFY_FAILED = "error:0A000086:SSL routines::certificate verify failed:../ssl/statem/statem_clnt.c:1889:: ";

    private UpstreamTlsCheck() {
    }

    static CheckOutcome run(CheckContext c, String host, int port) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hostname", host);
        info.put("port", port);
        String prefix = "Could not connect to " + host + " : ";
        Optional<InetSocketAddress> addr = c.ctx.resolver().resolve(host, port);
        if (addr.isEmpty()) {
            return CheckOutcome.error(prefix + "could not resolve " + host,
                    "failed to lookup address information: Name or service not known").withInfo(info);
        }
        List<X509Certificate> chain;
        try {
            chain = TlsProbe.handshake(addr.get(), host, 10_000);
        } catch (ConnectException e) {
            return CheckOutcome.error(prefix + "could not connect to " + host + ":" + port,
                    "Connection refused (os error 111)").withInfo(info);
        } catch (SocketTimeoutException e) {
            return CheckOutcome.error(prefix + "could not connect to " + host + ":" + port,
                    "connection timed out").withInfo(info);
        } catch (IOException e) {
            return CheckOutcome.error(prefix + "could not complete TLS handshake", String.valueOf(e.getMessage())).withInfo(info);
        }
        ChainVerifier.Result v = ChainVerifier.verify(chain, TrustStore.anchors(c.ctx.fs()), host, c.ctx.clock().instant());
        if (!v.ok()) {
            return CheckOutcome.error(prefix + "could not complete TLS handshake", VERIFY_FAILED + v.text()).withInfo(info);
        }
        return CheckOutcome.ok().withInfo(info);
    }
}
