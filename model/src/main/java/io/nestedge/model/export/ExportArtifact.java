package io.nestedge.model.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of an export: where it goes (relative, '/'-separated), its bytes, and its POSIX mode
 * (0644 plain, 0600 when it holds a secret, 0755 for scripts). {@link #toString()} never prints
 * the content.
 *
 * @param relativePath path inside the export directory, e.g. {@code devices/site-gw/config.toml}
 * @param content file bytes
 * @param mode POSIX permission bits, e.g. {@code 0600}
 */
public record ExportArtifact(String relativePath, byte[] content, int mode) {
    /** Mode of ordinary files. */
    public static final int PLAIN = 0644;
    /** Mode of files holding a secret (SAS key, password, private key). */
    public static final int SECRET = 0600;
    /** Mode of scripts. */
    public static final int SCRIPT = 0755;

    /** Refuses absolute paths, '..' segments, backslashes and empty segments. */
    public ExportArtifact {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.contains("\0")) {
            throw new IllegalArgumentException("not a relative path: " + relativePath);
        }
        for (String seg : relativePath.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new IllegalArgumentException("bad path segment in " + relativePath);
            }
        }
        if ((mode & ~0777) != 0) {
            throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
        }
    }

    /** A UTF-8 text file. */
    public static ExportArtifact text(String relativePath, String text, int mode) {
        return new ExportArtifact(relativePath, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    @Override
    public String toString() {
        return "ExportArtifact[" + relativePath + ", " + content.length + " bytes, mode " + Integer.toOctalString(mode) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportArtifact a && a.relativePath.equals(relativePath) && a.mode == mode
                && java.util.Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relativePath, mode, java.util.Arrays.hashCode(content));
    }
}
