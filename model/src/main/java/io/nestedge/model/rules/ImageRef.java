package io.nestedge.model.rules;

import java.util.Optional;

/**
 * The parts of a container image reference that the rules need (Docker's reference grammar:
 * {@code [registry[:port]/]path[:tag][@digest]}), including the IoT Edge {@code $upstream} form
 * (facts §3, §5).
 *
 * @param registry registry host (e.g. {@code mcr.microsoft.com}, {@code $upstream}), empty for Docker Hub
 * @param port registry port, or -1 when none is given
 * @param path repository path, e.g. {@code azureiotedge-agent}
 * @param tag tag, or empty
 */
public record ImageRef(String registry, int port, String path, String tag) {
    /** The placeholder a child's image uses for its parent (facts §3). */
    public static final String UPSTREAM = "$upstream";

    /** Parses an image reference; never fails (an odd reference gives odd parts, rules check them). */
    public static ImageRef parse(String image) {
        String s = image == null ? "" : image.trim();
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        String registry = "";
        int port = -1;
        int slash = s.indexOf('/');
        if (slash > 0) {
            String first = s.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("$")) {
                s = s.substring(slash + 1);
                int colon = first.lastIndexOf(':');
                if (colon >= 0) {
                    registry = first.substring(0, colon);
                    port = parsePort(first.substring(colon + 1));
                } else {
                    registry = first;
                }
            }
        }
        String tag = "";
        int lastSlash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        return new ImageRef(registry, port, s, tag);
    }

    private static int parsePort(String p) {
        if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(p);
    }

    /**
     * The port of an image written {@code <host>:<port>/…} whose host equals {@code host}
     * (case-insensitive), or -1; no allocation.
     */
    public static int portVia(String image, String host) {
        int n = host.length();
        if (n == 0 || image.length() <= n + 2 || !image.regionMatches(true, 0, host, 0, n) || image.charAt(n) != ':') {
            return -1;
        }
        int port = 0;
        int i = n + 1;
        while (i < image.length() && i - n - 1 < 6 && Character.isDigit(image.charAt(i))) {
            port = port * 10 + image.charAt(i++) - '0';
        }
        return i == n + 1 || i >= image.length() - 1 || image.charAt(i) != '/' || port < 1 || port > 65535 ? -1 : port;
    }

    /** True when the image pulls through {@code $upstream} (the parent). */
    public boolean isUpstream() {
        return registry.equals(UPSTREAM);
    }

    /** The tag as {@code [major, minor]} when it starts with {@code <major>.<minor>}, e.g. "1.5" or "1.4.27". */
    public Optional<int[]> version() {
        int i = 0;
        int major = 0;
        int minor = 0;
        int n = tag.length();
        int start = i;
        while (i < n && i - start < 6 && Character.isDigit(tag.charAt(i))) {
            major = major * 10 + tag.charAt(i++) - '0';
        }
        if (i == start || i >= n || tag.charAt(i) != '.') {
            return Optional.empty();
        }
        start = ++i;
        while (i < n && i - start < 6 && Character.isDigit(tag.charAt(i))) {
            minor = minor * 10 + tag.charAt(i++) - '0';
        }
        if (i == start || i < n && Character.isDigit(tag.charAt(i))) {
            return Optional.empty();
        }
        return Optional.of(new int[] {major, minor});
    }
}
