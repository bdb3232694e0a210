package io.nestedge.model.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a {@code .tar.gz} of a bundle (Apache Commons Compress), keeping each file's mode. Gzip at
 * level 1: bundles are a few kilobytes of text, where level 6 costs about 40% more CPU for 8% fewer
 * bytes, and an export packs one archive per device (ADR 0410).
 */
final class TarGz {
    private TarGz() {
    }

    /** A file to archive. */
    record Entry(byte[] content, int mode) { }

    /**
     * @param root top-level directory name inside the archive
     * @param files relative path to entry
     * @param mtimeMillis modification time of every entry, ms since the epoch (fixed for reproducible
     *     archives); truncated to whole seconds, which the ustar header holds: a fraction would add a
     *     PAX extended header to every entry
     * @return the archive bytes
     */
    static byte[] of(String root, Map<String, Entry> files, long mtimeMillis) {
        long mtime = Math.floorDiv(mtimeMillis, 1000L) * 1000L;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes, gzip))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            java.util.Set<String> dirs = new java.util.TreeSet<>();
            for (String p : new TreeMap<>(files).keySet()) {
                int i = p.indexOf('/');
                while (i > 0) {
                    dirs.add(p.substring(0, i));
                    i = p.indexOf('/', i + 1);
                }
            }
            TarArchiveEntry top = new TarArchiveEntry(root + "/");
            top.setMode(040700);
            top.setModTime(mtime);
            tar.putArchiveEntry(top);
            tar.closeArchiveEntry();
            for (String d : dirs) {
                TarArchiveEntry e = new TarArchiveEntry(root + "/" + d + "/");
                e.setMode(040700);
                e.setModTime(mtime);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, Entry> f : new TreeMap<>(files).entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(root + "/" + f.getKey());
                e.setSize(f.getValue().content().length);
                e.setMode(0100000 | f.getValue().mode());
                e.setModTime(mtime);
                tar.putArchiveEntry(e);
                tar.write(f.getValue().content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the archive", e);
        }
        return bytes.toByteArray();
    }
}
