package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares edgeHub's TLS identity the way the runtime does (facts §4): loads the Edge CA
 * (refusing an encrypted key, a key that does not match cert[0], or files that {@code aziotks} /
 * {@code aziotcs} cannot read), then reuses the server certificate kept by certd/keyd under
 * {@code /var/lib/aziot} when it still names the same hostname and is not near expiry, or issues a
 * new one with the whole Edge CA file appended. Keeping the old one is what reproduces F11 (certs
 * replaced without clearing certd/keyd) and F12 (hostname changed but edgeHub not recreated).
 */
public final class EdgeHubTls {
    /** Where certd keeps edgeHub's server certificate chain. */
    public static final String SERVER_CERT = "/var/lib/aziot/certd/certs/edgehub-server.pem";
    /** Where keyd keeps edgeHub's server key. */
    public static final String SERVER_KEY = "/var/lib/aziot/keyd/keys/edgehub-server.key";
    /** Quickstart Edge CA kept by certd. */
    public static final String QUICKSTART_CA = "/var/lib/aziot/certd/certs/aziot-edged-ca-quickstart.pem";
    /** Quickstart Edge CA key kept by keyd. */
    public static final String QUICKSTART_KEY = "/var/lib/aziot/keyd/keys/aziot-edged-ca-quickstart.key";
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private EdgeHubTls() {
    }

    /** The key and chain edgeHub serves (server cert first, then the Edge CA file). */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
    }

    /** edgeHub cannot get a server certificate. */
    public static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }
    }

    /**
     * @param ctx the device
     * @param config the applied configuration
     * @param edgeDeviceHostName the {@code EdgeDeviceHostName} edgeHub was created with
     * @return the identity to serve
     * @throws StartFailure with a log-style reason
     * @throws IOException when certd/keyd storage cannot be written
     */
    public static Identity prepare(EmulatorContext ctx, EdgeConfig config, String edgeDeviceHostName)
            throws StartFailure, IOException {
        DeviceFs fs = ctx.fs();
        Instant now = ctx.clock().instant();
        PrivateKey caKey;
        List<X509Certificate> caFile;
        if (config.explicitEdgeCa()) {
            caFile = loadCaCerts(fs, config.edgeCaCert());
            caKey = loadCaKey(fs, config.edgeCaPk(), caFile.get(0));
        } else {
            if (!fs.exists(QUICKSTART_CA) || !fs.exists(QUICKSTART_KEY)) {
                var qs = ctx.issuer().issueQuickstartCa("iotedged workload ca " + config.hostname(), now, 90);
                fs.mkdirs("/var/lib/aziot/certd/certs", "700", "aziotcs");
                fs.mkdirs("/var/lib/aziot/keyd/keys", "700", "aziotks");
                fs.writeAtomic(QUICKSTART_CA, PemFiles.pem(qs.chain()), "644", "aziotcs");
                fs.writeAtomic(QUICKSTART_KEY, PemFiles.pem(qs.key()), "600", "aziotks");
            }
            caFile = PemFiles.certs(fs.readBytes(QUICKSTART_CA));
            caKey = ((PemFiles.Key) PemFiles.key(fs.readBytes(QUICKSTART_KEY))).key();
        }
        Identity stored = storedIdentity(fs, edgeDeviceHostName, now);
        if (stored != null) {
            return stored;
        }
        var issued = ctx.issuer().issueServerCert(caFile.get(0), caKey, edgeDeviceHostName, now);
        List<X509Certificate> chain = new ArrayList<>(issued.chain());
        chain.addAll(caFile);
        fs.mkdirs("/var/lib/aziot/certd/certs", "700", "aziotcs");
        fs.mkdirs("/var/lib/aziot/keyd/keys", "700", "aziotks");
        fs.writeAtomic(SERVER_CERT, PemFiles.pem(chain), "644", "aziotcs");
        fs.writeAtomic(SERVER_KEY, PemFiles.pem(issued.key()), "600", "aziotks");
        return new Identity(issued.key(), List.copyOf(chain));
    }

    private static List<X509Certificate> loadCaCerts(DeviceFs fs, String path) throws StartFailure {
        var why = fs.whyUnreadable("aziotcs", path);
        if (why.isPresent()) {
            throw new StartFailure("certd: could not load preloaded cert \"aziot-edged-ca\" from " + path + ": " + why.get());
        }
        try {
            List<X509Certificate> certs = PemFiles.certs(fs.readBytes(path));
            if (certs.isEmpty()) {
                throw new StartFailure("certd: preloaded cert \"aziot-edged-ca\" (" + path + ") contains no certificate");
            }
            return certs;
        } catch (IOException e) {
            throw new StartFailure("certd: could not parse preloaded cert \"aziot-edged-ca\" (" + path + "): " + e.getMessage());
        }
    }

    private static PrivateKey loadCaKey(DeviceFs fs, String path, X509Certificate caCert) throws StartFailure {
        var why = fs.whyUnreadable("aziotks", path);
        if (why.isPresent()) {
            throw new StartFailure("keyd: could not load preloaded key \"aziot-edged-ca\" from " + path + ": " + why.get());
        }
        PemFiles.KeyRead read;
        try {
            read = PemFiles.key(fs.readBytes(path));
        } catch (IOException e) {
            throw new StartFailure("keyd: could not parse preloaded key \"aziot-edged-ca\" (" + path + "): " + e.getMessage());
        }
        if (read instanceof PemFiles.Encrypted enc) {
            throw new StartFailure("keyd: preloaded key \"aziot-edged-ca\" (" + path + ") is encrypted (" + enc.format()
                    + "); keyd cannot ask for a pass phrase: bad decrypt");
        }
        if (read instanceof PemFiles.NoKey) {
            throw new StartFailure("keyd: preloaded key \"aziot-edged-ca\" (" + path + ") contains no private key");
        }
        PrivateKey key = ((PemFiles.Key) read).key();
        if (!PemFiles.matches(key, caCert)) {
            throw new StartFailure("edged: the Edge CA private key " + path
                    + " does not match the public key of the first certificate of the Edge CA file");
        }
        return key;
    }

    private static Identity storedIdentity(DeviceFs fs, String hostname, Instant now) {
        try {
            if (!fs.exists(SERVER_CERT) || !fs.exists(SERVER_KEY)) {
                return null;
            }
            List<X509Certificate> chain = PemFiles.certs(fs.readBytes(SERVER_CERT));
            PemFiles.KeyRead key = PemFiles.key(fs.readBytes(SERVER_KEY));
            if (chain.isEmpty() || !(key instanceof PemFiles.Key k)) {
                return null;
            }
            X509Certificate leaf = chain.get(0);
            if (!ChainVerifier.commonName(leaf).equalsIgnoreCase(hostname)
                    || leaf.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
                return null;
            }
            return new Identity(k.key(), chain);
        } catch (IOException e) {
            return null;
        }
    }
}
