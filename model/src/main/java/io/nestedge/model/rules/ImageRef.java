package io.nestedge.model.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\D.*)?$");

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

    /** True when the image pulls through {@code $upstream} (the parent). */
    public boolean isUpstream() {
        return registry.equals(UPSTREAM);
    }

    /** The tag as {@code [major, minor]} when it starts with {@code <major>.<minor>}, e.g. "1.5" or "1.4.27". */
    public Optional<int[]> version() {
        Matcher m = VERSION.matcher(tag);
        if (!m.matches() || m.group(1).length() > 6 || m.group(2).length() > 6) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }
}
