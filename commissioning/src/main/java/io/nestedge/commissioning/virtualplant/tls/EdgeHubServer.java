package io.nestedge.commissioning.virtualplant.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The emulated edgeHub's TLS listeners: MQTT (8883), AMQP (5671) and the HTTPS / API proxy port
 * (443), all presenting the same server certificate chain. A client completes the TLS handshake and
 * may then send anything; the server reads until the client closes (or 30 s of silence) and never
 * answers at the application level. Ports requested as 0 are ephemeral.
 */
public final class EdgeHubServer implements AutoCloseable {
    private final List<SSLServerSocket> sockets = new ArrayList<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final ExecutorService pool;
    private volatile boolean closed;

    private EdgeHubServer(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Binds every port and starts accepting.
     *
     * @param identity key and chain to serve
     * @param bindAddress address to listen on
     * @param requested ports by protocol; a port taken by another process falls back to ephemeral only
     *     when {@code fallbackToEphemeral} is set
     * @param fallbackToEphemeral when a requested port is busy, take an ephemeral one instead of failing
     * @return the running server
     * @throws IOException when a port cannot be bound
     */
    public static EdgeHubServer start(EdgeHubTls.Identity identity, String bindAddress, Map<String, Integer> requested,
            boolean fallbackToEphemeral) throws IOException {
        SSLContext ctx = context(identity);
        EdgeHubServer server = new EdgeHubServer(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "edgehub-emulator");
            t.setDaemon(true);
            return t;
        }));
        try {
            for (Map.Entry<String, Integer> e : requested.entrySet()) {
                SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
                ss.setReuseAddress(true);
                InetAddress addr = InetAddress.getByName(bindAddress);
                try {
                    ss.bind(new InetSocketAddress(addr, e.getValue()), 50);
                } catch (IOException busy) {
                    if (!fallbackToEphemeral || e.getValue() == 0) {
                        ss.close();
                        throw new IOException("could not bind " + e.getKey() + " port " + e.getValue() + ": "
                                + busy.getMessage(), busy);
                    }
                    ss.bind(new InetSocketAddress(addr, 0), 50);
                }
                server.sockets.add(ss);
                server.ports.put(e.getKey(), ss.getLocalPort());
                server.pool.submit(() -> server.acceptLoop(ss));
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The server context. The key manager hands out the identity directly (no PKCS#12 key store:
     * its password-based key protection costs hundreds of milliseconds of PBKDF2 per start).
     */
    private static SSLContext context(EdgeHubTls.Identity id) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new IdentityKeyManager(id)}, null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("edgeHub TLS setup failed: " + e.getMessage(), e);
        }
    }

    /** Serves one key and chain under one alias, whatever the client asks for. */
    private static final class IdentityKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "edgehub";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        IdentityKeyManager(EdgeHubTls.Identity id) {
            this.key = id.key();
            this.chain = id.chain().toArray(new X509Certificate[0]);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            // As the JDK's SunX509 manager: "RSA", "EC", or "EC_RSA" (key type, then the CA's signature type).
            int u = keyType.indexOf('_');
            String keyAlg = u < 0 ? keyType : keyType.substring(0, u);
            if (!keyAlg.equals(key.getAlgorithm())) {
                return null;
            }
            return u < 0 || chain[0].getSigAlgName().toUpperCase(java.util.Locale.ROOT)
                    .contains(keyType.substring(u + 1)) ? ALIAS : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String a = chooseServerAlias(keyType, issuers, null);
            return a == null ? null : new String[] {a};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    private void acceptLoop(ServerSocket ss) {
        while (!closed) {
            try {
                Socket s = ss.accept();
                clients.add(s);
                if (closed) {
                    s.close();
                    return;
                }
                pool.submit(() -> {
                    serve(s);
                    clients.remove(s);
                });
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            ((SSLSocket) s).startHandshake();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // discard: the emulator speaks TLS, not MQTT/AMQP/HTTP
            }
        } catch (IOException e) {
            // client went away or failed the handshake: nothing to do
        }
    }

    /** Actual ports by protocol. */
    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        // Connections end with the listeners, as they do when edgeHub's process exits.
        for (Socket c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
