package io.nestedge.model.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues many Edge CAs at once on all cores: key generation dominates (about 100 ms per RSA-2048
 * key on one core), so the batch scales with the number of cores. Thread-safe.
 */
public final class EdgeCaIssuance {
    private EdgeCaIssuance() {
    }

    /**
     * Issues one Edge CA per request on {@code executor}.
     *
     * @param issuer the signing CA (root or intermediate, with its key)
     * @param requests one per IoT Edge device
     * @param executor where the work runs; give it one thread per core (not the common
     *     {@code ForkJoinPool}, which has cores − 1 threads)
     * @param certIssuer the issuer (clock)
     * @return the Edge CAs, in request order
     * @throws IllegalArgumentException if the issuer cannot issue (expired, not a CA)
     */
    public static List<CertifiedKey> issueEdgeCas(CertificateIssuer certIssuer, CertifiedKey issuer,
            List<EdgeCaRequest> requests, Executor executor) {
        List<CompletableFuture<CertifiedKey>> futures = new ArrayList<>(requests.size());
        for (EdgeCaRequest r : requests) {
            futures.add(CompletableFuture.supplyAsync(() -> certIssuer.edgeCa(issuer, r), executor));
        }
        List<CertifiedKey> out = new ArrayList<>(requests.size());
        for (CompletableFuture<CertifiedKey> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                futures.forEach(x -> x.cancel(false));
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return out;
    }

    /** Same, on a pool of {@link #cores()} threads created for this call and shut down after it. */
    public static List<CertifiedKey> issueEdgeCas(CertificateIssuer certIssuer, CertifiedKey issuer, List<EdgeCaRequest> requests) {
        ExecutorService pool = allCoresPool();
        try {
            return issueEdgeCas(certIssuer, issuer, requests, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Number of cores the JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A fixed pool of one daemon thread per core; the caller shuts it down. */
    public static ExecutorService allCoresPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "pki-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(cores(), tf);
    }
}
