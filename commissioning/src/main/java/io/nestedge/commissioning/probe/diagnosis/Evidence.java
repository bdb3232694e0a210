package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small search helpers the rules share. */
final class Evidence {
    private Evidence() {
    }

    /** Lines of check details and logs that match. */
    static List<String> lines(DeviceEvidence e, Pattern p) {
        return e.allTextLines().stream().filter(l -> p.matcher(l).find()).distinct().toList();
    }

    /** Lines of one log source that match. */
    static List<String> logLines(DeviceEvidence e, DeviceEvidence.LogSource source, Pattern p) {
        return e.log(source).lines().filter(l -> p.matcher(l).find()).distinct().toList();
    }

    /** Failed checks (ERROR/FATAL) with a detail line that matches. */
    static List<CheckEntry> failedChecks(DeviceEvidence e, Pattern p) {
        List<CheckEntry> out = new ArrayList<>();
        e.check().ifPresent(r -> r.failures().stream()
                .filter(c -> c.details().stream().anyMatch(d -> p.matcher(d).find()))
                .forEach(out::add));
        return out;
    }

    /** The key a check is known by: its ID, or its description when the ID is unknown. */
    static String key(CheckEntry c) {
        return c.id() != null ? c.id() : c.description();
    }

    static List<String> keys(List<CheckEntry> checks) {
        return checks.stream().map(Evidence::key).toList();
    }

    /** True when a hostname is a single DNS label (no dot, not an IP literal; facts §2). */
    static boolean singleLabel(String host) {
        return !host.contains(".") && !host.contains(":") && !host.isEmpty();
    }
}
