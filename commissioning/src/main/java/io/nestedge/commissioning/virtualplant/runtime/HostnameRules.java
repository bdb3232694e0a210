package io.nestedge.commissioning.virtualplant.runtime;

import java.util.Locale;

/**
 * The device's own hostname rules (facts §2): IP literals, RFC 1035 labels, the 64-character
 * certificate limit, and the comparison of {@code hostname} with the machine's name.
 */
public final class HostnameRules {
    /** Longest hostname usable as a certificate CN / local issuer (facts §2). */
    public static final int MAX_LENGTH = 64;

    private HostnameRules() {
    }

    /** True for an IPv4 dotted quad or an IPv6 literal (no name lookup happens). */
    public static boolean isIpLiteral(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String p : s.split("\\.")) {
                if (Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                java.net.InetAddress.getByName(s);
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * RFC 1035: 1–255 octets; labels of 1–63 octets that start with a letter, end with a letter or
     * digit, and hold only letters, digits and hyphens.
     */
    public static boolean isRfc1035Valid(String host) {
        if (host.isEmpty() || host.length() > 255) {
            return false;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || !label.matches("[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?")) {
                return false;
            }
        }
        return true;
    }

    /** True when the hostname fits the certificate CN limit. */
    public static boolean fitsCertificate(String host) {
        return host.length() <= MAX_LENGTH;
    }

    /**
     * True when config {@code hostname} names this machine: equal (ignoring case), or the machine
     * name followed by a dot, or an IP literal (facts §2).
     */
    public static boolean matchesMachine(String configHostname, String machineHostname) {
        if (isIpLiteral(configHostname)) {
            return true;
        }
        String c = configHostname.toLowerCase(Locale.ROOT);
        String m = machineHostname.toLowerCase(Locale.ROOT);
        return c.equals(m) || c.startsWith(m + ".");
    }
}
