package io.nestedge.model.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Common names of Edge CAs (facts §4): {@code <device-id>.ca}, never equal to the device's
 * hostname or device ID (case-insensitive); {@code <device-id>.deviceca} or {@code <device-id>.edgeca}
 * when {@code .ca} would collide. A CN holds at most 64 characters: longer device IDs are cut and
 * given an 8-hex-digit SHA-256 tag so two long IDs never share a CN.
 */
public final class EdgeCaNames {
    /** Upper bound of an X.520 common name (RFC 5280 ub-common-name). */
    public static final int MAX_CN_LENGTH = 64;
    private static final String[] SUFFIXES = {".ca", ".deviceca", ".edgeca"};

    private EdgeCaNames() {
    }

    /**
     * The Edge CA's CN for a device.
     *
     * @param deviceId IoT Hub device ID (non-empty)
     * @param hostname the device's hostname (may be empty)
     * @return a CN of at most 64 characters, different from {@code deviceId} and {@code hostname}
     */
    public static String commonName(String deviceId, String hostname) {
        for (String suffix : SUFFIXES) {
            String cn = fit(deviceId, suffix);
            if (!cn.equalsIgnoreCase(deviceId) && !cn.equalsIgnoreCase(hostname == null ? "" : hostname)) {
                return cn;
            }
        }
        // Unreachable: a hostname cannot equal all three suffixed forms at once.
        throw new IllegalStateException("no Edge CA CN for " + deviceId);
    }

    private static String fit(String id, String suffix) {
        if (id.length() + suffix.length() <= MAX_CN_LENGTH) {
            return id + suffix;
        }
        String tag = "-" + shortHash(id);
        return id.substring(0, MAX_CN_LENGTH - suffix.length() - tag.length()) + tag + suffix;
    }

    private static String shortHash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
