package io.nestedge.model.bundle;

import io.nestedge.model.Device;
import io.nestedge.model.export.ExportArtifact;
import io.nestedge.model.export.ExportContext;
import io.nestedge.model.export.ExportLayout;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.steps.InstallSteps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The last step of a bundle export: per device directory, {@code SHA256SUMS}, its CMS signature
 * ({@link BundleSigner}) and a {@code .tar.gz} of the directory ({@link TarGz}). Devices are signed
 * and packed in parallel; the files come out in device order (ADR 0410).
 */
final class BundlePacking {
    private BundlePacking() {
    }

    /**
     * SHA256SUMS, its signature and a .tar.gz for every device directory; devices in parallel on
     * {@code pool}, files in device order.
     */
    static List<ExportArtifact> signAndPack(ExportContext ctx, List<ExportArtifact> soFar, CertifiedKey signer,
            Instant now, ExecutorService pool) {
        // One pass over the files, grouped by device directory (devices/<dir>/…), instead of one pass per device.
        Map<String, List<ExportArtifact>> byDir = new HashMap<>();
        String devices = ExportLayout.DEVICES + "/";
        for (ExportArtifact a : soFar) {
            String p = a.relativePath();
            int slash = p.startsWith(devices) ? p.indexOf('/', devices.length()) : -1;
            if (slash > 0) {
                byDir.computeIfAbsent(p.substring(0, slash + 1), k -> new ArrayList<>()).add(a);
            }
        }
        List<Future<List<ExportArtifact>>> tasks = new ArrayList<>();
        for (Device d : ctx.plant().devices()) {
            String dir = ExportLayout.deviceDir(d.id()) + "/";
            List<ExportArtifact> files = byDir.get(dir);
            if (files != null) {
                tasks.add(pool.submit(() -> signAndPack(d, dir, files, signer, now)));
            }
        }
        List<ExportArtifact> out = new ArrayList<>();
        try {
            for (Future<List<ExportArtifact>> t : tasks) {
                out.addAll(t.get());
            }
        } catch (InterruptedException e) {
            tasks.forEach(t -> t.cancel(true));
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("export cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            tasks.forEach(t -> t.cancel(true));
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        return out;
    }

    private static List<ExportArtifact> signAndPack(Device d, String dir, List<ExportArtifact> deviceFiles, CertifiedKey signer,
            Instant now) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, TarGz.Entry> tar = new LinkedHashMap<>();
        for (ExportArtifact a : deviceFiles) {
            String rel = a.relativePath().substring(dir.length());
            files.put(rel, a.content());
            tar.put(rel, new TarGz.Entry(a.content(), a.mode()));
        }
        byte[] sums = BundleSigner.utf8(BundleSigner.sums(files));
        byte[] sig = BundleSigner.utf8(BundleSigner.sign(sums, signer));
        tar.put(InstallSteps.SUMS, new TarGz.Entry(sums, ExportArtifact.PLAIN));
        tar.put(InstallSteps.SUMS_SIGNATURE, new TarGz.Entry(sig, ExportArtifact.PLAIN));
        String name = ExportLayout.dirName(d.id());
        return List.of(new ExportArtifact(dir + InstallSteps.SUMS, sums, ExportArtifact.PLAIN),
                new ExportArtifact(dir + InstallSteps.SUMS_SIGNATURE, sig, ExportArtifact.PLAIN),
                new ExportArtifact(ExportLayout.DEVICES + "/" + name + ".tar.gz", TarGz.of(name, tar, now.toEpochMilli()),
                        ExportArtifact.SECRET));
    }

}
