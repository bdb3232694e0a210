package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what {@code iotedge config apply [-c FILE]} printed (facts §3): either
 * {@code Command failed: …} followed by its {@code caused by:} lines (and, for TOML errors, the
 * excerpt of the file), or the success line followed by the service restart lines.
 */
public final class ConfigApplyParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "iotedge config apply";
    /** The success line (facts §3). */
    public static final String SUCCESS_LINE = "Azure IoT Edge has been configured successfully!";

    private static final Pattern RESTART = Pattern.compile("^(Stopping|Starting) (\\S+)\\.\\.\\.(Stopped|Started)!$");
    private static final Pattern NOTE = Pattern.compile("^(Note|Warning): .*$");

    private ConfigApplyParser() {
    }

    /**
     * @param output stdout and stderr of the command, in order
     * @param exitCode its exit code
     * @return the result
     * @throws ProbeParseException when the output holds neither the success line nor a
     *     {@code Command failed:} line, holds an unknown line, or contradicts the exit code (success
     *     line with a non-zero exit, failure with exit 0)
     */
    public static ConfigApplyResult parse(String output, int exitCode) throws ProbeParseException {
        List<String> lines = Lines.of(output);
        List<String> restarted = new ArrayList<>();
        boolean success = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank() || NOTE.matcher(line).matches()) {
                continue;
            }
            if (line.startsWith("Command failed: ")) {
                if (exitCode == 0) {
                    throw new ProbeParseException(COMMAND, n, line, "the command reported a failure but exited with 0");
                }
                List<String> details = new ArrayList<>();
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!lines.get(j).isBlank()) {
                        details.add(lines.get(j).strip());
                    }
                }
                return new ConfigApplyResult(false, exitCode, line.substring("Command failed: ".length()).strip(), details, List.of());
            }
            if (line.equals(SUCCESS_LINE)) {
                success = true;
                continue;
            }
            Matcher m = RESTART.matcher(line);
            if (success && m.matches()) {
                if ("Starting".equals(m.group(1))) {
                    restarted.add(m.group(2));
                }
                continue;
            }
            if (success && (line.equals("Done.") || line.startsWith("Restarting service for configuration to take effect"))) {
                continue;
            }
            throw new ProbeParseException(COMMAND, n, line,
                    success ? "not a service restart line" : "expected \"Command failed: …\" or \"" + SUCCESS_LINE + "\"");
        }
        if (!success) {
            throw new ProbeParseException(COMMAND, 0, "", "neither \"" + SUCCESS_LINE + "\" nor \"Command failed: …\" was printed");
        }
        if (exitCode != 0) {
            throw new ProbeParseException(COMMAND, 0, "", "the success line was printed but the command exited with " + exitCode);
        }
        return new ConfigApplyResult(true, 0, "", List.of(), restarted);
    }
}
