package io.nestedge.app.commission;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device presented a host key different from the known or pinned one: the run stopped before
 * authenticating (facts §7; {@link io.nestedge.commissioning.ssh.HostKeyChangedException}). The
 * commissioner reports step failures as text, so this reads the exception's message back from the
 * step's summary or output; the wording is the one {@code HostKeyChangedException} writes.
 *
 * @param host {@code host:port} of the device
 * @param keyType the presented key's type
 * @param expected fingerprints known or pinned ({@code SHA256:…})
 * @param actual the presented key's fingerprint ({@code SHA256:…})
 */
public record HostKeyStop(String host, String keyType, List<String> expected, String actual) {
    private static final Pattern CHANGED = Pattern.compile(
            "HOST KEY CHANGED for (\\S+): expected (.+?), but the device presented (\\S+) (SHA256:\\S+?)\\.(?:\\s|$)");

    /** Copies the list. */
    public HostKeyStop {
        expected = List.copyOf(expected);
    }

    /**
     * Finds a host-key change in a step's text.
     *
     * @param text a step's summary or output
     * @return the change, or empty when the text reports none
     */
    public static Optional<HostKeyStop> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CHANGED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new HostKeyStop(m.group(1), m.group(3), Arrays.asList(m.group(2).split(" or ")), m.group(4)));
    }
}
