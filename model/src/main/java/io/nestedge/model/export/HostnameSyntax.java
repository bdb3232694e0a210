package io.nestedge.model.export;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hostname checks the device itself makes (facts §2), for the config linter: IP literals, the
 * 64-character limit, RFC 1035 labels, single-label names. Small on purpose; the plant validator has
 * its own rule classes ({@code io.nestedge.model.rules}).
 */
final class HostnameSyntax {
    /** Longest hostname the certificate CN can hold (facts §2). */
    static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private HostnameSyntax() {
    }

    /** True for an IPv4 or IPv6 literal (no DNS lookup is ever made). */
    static boolean isIpLiteral(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(s) != null; // a literal with ':' is parsed, never resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The first RFC 1035 problem of a DNS name (facts §2: labels 1–63 characters, start with a
     * letter, end with a letter or digit, only letters, digits and '-'), or empty when it conforms or
     * is an IP literal.
     */
    static Optional<String> rfc1035Problem(String host) {
        if (isIpLiteral(host)) {
            return Optional.empty();
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of("has an empty label (two dots in a row, or a leading dot)");
            }
            if (label.length() > 63) {
                return Optional.of("has a label longer than 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("label '" + label + "' must start with a letter, end with a letter or digit, "
                        + "and contain only letters, digits and '-'");
            }
        }
        return Optional.empty();
    }

    /** True for a name of one label that is not an IP literal (e.g. {@code parent}, field case F6). */
    static boolean isSingleLabel(String host) {
        return !isIpLiteral(host) && !host.contains(".");
    }
}
