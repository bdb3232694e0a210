package io.nestedge.app.editor;

import io.nestedge.model.Plant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the inspector runs as the user types (pure). They give immediate feedback on one field; the
 * validator's rules remain the authority on the whole plant (and report what is typed anyway, e.g.
 * a 70-character hostname is committed and then shows up as a finding).
 */
public final class FieldChecks {
    /** Maximum hostname length (certificate CN limit, facts §2). */
    public static final int MAX_HOSTNAME = 64;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IP4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** IoT Hub device ID: up to 128 ASCII letters, digits and {@code - . % _ * ? ! ( ) , : = @ $ '}. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-.%_*?!(),:=@$']{1,128}");
    private static final Pattern MODULE_NAME = Pattern.compile("[a-zA-Z0-9_-]+");

    private FieldChecks() {
    }

    /**
     * Checks a hostname (facts §2): at most 64 characters, RFC 1035 labels, or an IPv4 literal.
     *
     * @param host the hostname
     * @return the problem, or empty when fine
     */
    public static Optional<String> hostname(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("A hostname is required (children use it as parent_hostname).");
        }
        if (host.length() > MAX_HOSTNAME) {
            return Optional.of(host.length() + " characters: at most " + MAX_HOSTNAME + " (certificate CN limit).");
        }
        if (IP4.matcher(host).matches()) {
            return Optional.empty();
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("Label '" + label + "' must start with a letter, end with a letter or digit and use only letters, digits and '-'.");
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a new device ID against IoT Hub's rules and the plant.
     *
     * @param plant the plant
     * @param currentId the device's current ID (may keep it)
     * @param id the proposed ID
     * @return the problem, or empty when fine
     */
    public static Optional<String> deviceId(Plant plant, String currentId, String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("A device ID is required.");
        }
        if (!DEVICE_ID.matcher(id).matches()) {
            return Optional.of("IoT Hub device IDs use up to 128 letters, digits and - . % _ * ? ! ( ) , : = @ $ '.");
        }
        if (!id.equals(currentId) && plant.deviceOrNull(id) != null) {
            return Optional.of("Device ID '" + id + "' is already used.");
        }
        return Optional.empty();
    }

    /**
     * Checks a TCP port.
     *
     * @param text the typed value
     * @return the problem, or empty when fine
     */
    public static Optional<String> port(String text) {
        return integer(text, 1, 65535);
    }

    /**
     * Checks a whole number in a range.
     *
     * @param text typed value
     * @param min smallest allowed
     * @param max largest allowed
     * @return the problem, or empty when fine
     */
    public static Optional<String> integer(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            return v < min || v > max ? Optional.of("Use a whole number from " + min + " to " + max + ".") : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("Use a whole number from " + min + " to " + max + ".");
        }
    }

    /**
     * Checks a module name against the deployment schema's pattern (facts §5).
     *
     * @param name module name
     * @return the problem, or empty when fine
     */
    public static Optional<String> moduleName(String name) {
        return name != null && MODULE_NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("Module names use only letters, digits, '_' and '-'.");
    }

    /**
     * Checks a container image reference: not empty, no spaces, and {@code $upstream} followed by a port.
     *
     * @param image image reference
     * @return the problem, or empty when fine
     */
    public static Optional<String> image(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("An image is required.");
        }
        if (image.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("Image references contain no spaces.");
        }
        if (image.startsWith("$upstream") && !image.matches("\\$upstream:\\d+/.+")) {
            return Optional.of("$upstream must be followed by :<port>/, e.g. $upstream:443/azureiotedge-agent:1.5.");
        }
        return Optional.empty();
    }
}
