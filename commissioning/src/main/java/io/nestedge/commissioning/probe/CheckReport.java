package io.nestedge.commissioning.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code iotedge check} run reported (facts §6), from text or JSON output.
 *
 * @param checks checks in output order
 * @param summary the summary lines' counts (text output only; null for JSON)
 * @param additionalInfo top-level {@code additional_info} flattened to dotted keys (JSON only)
 */
public record CheckReport(List<CheckEntry> checks, Summary summary, Map<String, String> additionalInfo) {
    /** Defensive copies. */
    public CheckReport {
        checks = List.copyOf(checks);
        additionalInfo = Map.copyOf(additionalInfo);
    }

    /**
     * The summary lines of text output: {@code N check(s) succeeded.} etc. A count the device did not
     * print is 0.
     */
    public record Summary(long succeeded, long warnings, long errors, long skipped) {
    }

    /** The first check with this ID, if any. */
    public Optional<CheckEntry> check(String id) {
        return checks.stream().filter(c -> id.equals(c.id())).findFirst();
    }

    /** Checks whose result is ERROR or FATAL. */
    public List<CheckEntry> failures() {
        return checks.stream().filter(c -> c.result().isFailure()).toList();
    }

    /** Checks with the given result. */
    public List<CheckEntry> withResult(CheckResult result) {
        return checks.stream().filter(c -> c.result() == result).toList();
    }
}
