package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.ConfigApplyResult;
import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code iotedge config apply} failures the runtime prints (facts §1–3), as a table: a pattern
 * over the failure text and a function building the diagnosis from the match. A failure no row
 * recognises still yields a diagnosis ({@code DIAG-CONFIG-APPLY-FAILED}) so it is never silently passed.
 */
public final class ConfigApplyRules implements DiagnosisRule {
    private record Row(Pattern pattern, BiFunction<Matcher, String, Diagnosis> build) {
    }

    private static final Pattern COLON_KEY = Pattern.compile("(?m)^\\s*\\d*\\s*\\|\\s*[A-Za-z_][A-Za-z0-9_.-]*\\s*:\\s");

    private static final List<Row> ROWS = List.of(
            new Row(Pattern.compile("TOML parse error at line (\\d+), column (\\d+)"), (m, all) -> {
                String text = m.group(0);
                boolean colon = COLON_KEY.matcher(all).find() || all.contains("expected `.`, `=`");
                return new Diagnosis("DIAG-CONFIG-TOML-SYNTAX",
                        "config.toml is not valid TOML (line " + m.group(1) + ", column " + m.group(2) + ")",
                        "iotedge config apply could not parse config.toml: " + text + "."
                                + (colon ? " A key is written as `key: value`; TOML needs `key = value`." : ""),
                        "Fix config.toml at line " + m.group(1) + ", column " + m.group(2)
                                + (colon ? " (write `image = \"…\"`, not `image: \"…\"`)" : "")
                                + ", or regenerate it with NestEdge Studio, then apply again.",
                        null, "facts §3; field case F4", List.of(text), List.of());
            }),
            new Row(Pattern.compile("DPS provisioning is not supported in nested mode"), (m, all) -> new Diagnosis(
                    "DIAG-CONFIG-DPS-NESTED", "DPS provisioning is refused on a nested child",
                    "The child has a parent_hostname and [provisioning] source = \"dps\"; nested children must use manual provisioning.",
                    "Switch the device to manual provisioning (connection string, or iothub_hostname + device_id with SAS "
                            + "or X.509) and apply again.",
                    null, "facts §1", List.of(m.group(0)), List.of())),
            new Row(Pattern.compile("hostname in the config (\\S+) is different from the previous hostname (\\S+?)\\.?(\\s|$)"),
                    (m, all) -> new Diagnosis("DIAG-CONFIG-HOSTNAME-CHANGED",
                            "hostname changed from " + m.group(2) + " to " + m.group(1) + " while edge modules exist",
                            "The runtime refuses to apply a new hostname (" + m.group(1) + ", was " + m.group(2)
                                    + ") while containers created with the old one exist.",
                            "Stop the system (iotedge system stop), remove the edge module containers (edgeAgent, edgeHub and "
                                    + "the modules edgeAgent started), then apply again.",
                            Remedy.REMOVE_MODULES_AND_REAPPLY, "facts §2", List.of(m.group(0).strip()), List.of())),
            new Row(Pattern.compile("(?i)must be run as root|permission denied"), (m, all) -> new Diagnosis(
                    "DIAG-CONFIG-NOT-ROOT", "iotedge config apply was not run as root",
                    "iotedge config apply writes /etc/aziot/*/config.d and restarts services, so it must run as root.",
                    "Run it with sudo (the run uses sudo -S with the password on stdin).",
                    null, "facts §3", List.of(m.group(0)), List.of())));

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        ConfigApplyResult r = e.configApply().orElse(null);
        if (r == null || r.success()) {
            return List.of();
        }
        String text = r.errorText();
        for (Row row : ROWS) {
            Matcher m = row.pattern().matcher(text);
            if (m.find()) {
                return List.of(row.build().apply(m, text));
            }
        }
        return List.of(new Diagnosis("DIAG-CONFIG-APPLY-FAILED", "iotedge config apply failed: " + r.error(),
                "iotedge config apply exited with " + r.exitCode() + ": " + r.error(),
                "Read the message and its causes, fix config.toml or the files it names, and apply again.",
                null, "facts §3", List.of(text), List.of()));
    }
}
