package io.nestedge.commissioning.probe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check of an {@code iotedge check} run (facts §6).
 *
 * @param id the check ID ({@code host-connect-iothub-amqp}, …); in text output it is recovered from
 *     the description when the description is a known one, otherwise null
 * @param section section title in text output ("Connectivity checks (aziot-identity-service)"), or
 *     "" for JSON output
 * @param description the check's description in text output, or "" for JSON output
 * @param result the result
 * @param details detail lines in order, {@code caused by:} lines included (prefix kept), indentation
 *     removed
 * @param additionalInfo the check's {@code additional_info} (JSON output only; scalars as strings)
 */
public record CheckEntry(String id, String section, String description, CheckResult result,
        List<String> details, Map<String, String> additionalInfo) {
    /** Defensive copies; null section/description become "". */
    public CheckEntry {
        section = Objects.requireNonNullElse(section, "");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(result, "result");
        details = List.copyOf(details);
        additionalInfo = Map.copyOf(additionalInfo);
    }

    /** True when this check's ID starts with the given prefix (false when the ID is unknown). */
    public boolean idStartsWith(String prefix) {
        return id != null && id.startsWith(prefix);
    }

    /** All detail lines joined by newlines (for matching). */
    public String detailText() {
        return String.join("\n", details);
    }
}
