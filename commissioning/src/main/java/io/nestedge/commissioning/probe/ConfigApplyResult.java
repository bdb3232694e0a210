package io.nestedge.commissioning.probe;

import java.util.List;

/**
 * What {@code iotedge config apply} reported (facts §3).
 *
 * @param success the success line was printed and the exit code was 0
 * @param exitCode the command's exit code
 * @param error the message after {@code Command failed: } ("" on success)
 * @param errorDetails the lines printed after the {@code Command failed:} line ({@code caused by:},
 *     TOML excerpt, …), stripped of leading indentation, in order
 * @param restarted services the command restarted ({@code aziot-edged.service}, …)
 */
public record ConfigApplyResult(boolean success, int exitCode, String error, List<String> errorDetails,
        List<String> restarted) {
    /** Defensive copies. */
    public ConfigApplyResult {
        errorDetails = List.copyOf(errorDetails);
        restarted = List.copyOf(restarted);
    }

    /** The error message and its details as one text (for matching). */
    public String errorText() {
        return errorDetails.isEmpty() ? error : error + "\n" + String.join("\n", errorDetails);
    }
}
