package io.nestedge.model.rules;

import java.util.Locale;
import org.bouncycastle.util.IPAddress;

/**
 * Classification of IoT Edge hostnames (facts §2): IP literal or DNS name, and the RFC 1035 label
 * checks the device's own {@code iotedge check} applies.
 */
public final class Hostnames {
    /** Longest hostname usable as a certificate CN (facts §2). */
    public static final int MAX_LENGTH = 64;
    /** Longest DNS label (RFC 1035). */
    public static final int MAX_LABEL = 63;

    /** How a hostname is written. */
    public enum Style {
        /** No hostname. */
        NONE,
        /** An IPv4 or IPv6 literal (or something meant to be one: digits and dots, or hex and colons). */
        IP,
        /** A DNS name (FQDN or single label). */
        DNS
    }

    private Hostnames() {
    }

    /** The style of a hostname; text made only of digits and dots (with a dot) counts as meant to be an IP. */
    public static Style style(String hostname) {
        if (hostname == null || hostname.isEmpty()) {
            return Style.NONE;
        }
        return looksLikeIp(hostname) ? Style.IP : Style.DNS;
    }

    /** True for text meant as an IP literal: digits and dots with a dot, or hex digits, dots and colons with a colon. */
    public static boolean looksLikeIp(String h) {
        boolean dot = false;
        boolean colon = false;
        boolean hexLetter = false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (c == ':') {
                colon = true;
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                hexLetter = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return colon || dot && !hexLetter;
    }

    /** True when {@code h} is a valid IPv4 or IPv6 literal. */
    public static boolean isValidIp(String h) {
        return IPAddress.isValid(h);
    }

    /** True for a DNS name with no dot (e.g. {@code parent}), which Docker reads as a Docker Hub namespace. */
    public static boolean isSingleLabel(String h) {
        return !h.isEmpty() && style(h) == Style.DNS && h.indexOf('.') < 0;
    }

    /** Lower-case form for case-insensitive comparison (DNS names are case-insensitive). */
    public static String key(String h) {
        return h.toLowerCase(Locale.ROOT);
    }

    /** The labels of a DNS name (empty labels kept, so {@code a..b} gives an empty one). */
    public static String[] labels(String h) {
        return h.split("\\.", -1);
    }
}
