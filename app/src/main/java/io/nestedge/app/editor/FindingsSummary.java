package io.nestedge.app.editor;

import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings indexed for the canvas and the status bar: the worst severity per device (for badges),
 * the findings per device, and counts per severity. Immutable.
 */
public final class FindingsSummary {
    /** No findings. */
    public static final FindingsSummary EMPTY = new FindingsSummary(List.of());

    private final List<Finding> findings;
    private final Map<String, Severity> worst = new HashMap<>();
    private final Map<String, List<Finding>> byDevice = new HashMap<>();
    private final EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);

    /**
     * Indexes a validation result.
     *
     * @param findings the validator's findings
     */
    public FindingsSummary(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        Map<String, java.util.ArrayList<Finding>> tmp = new HashMap<>();
        for (Finding f : this.findings) {
            counts.merge(f.severity(), 1, Integer::sum);
            if (!f.deviceId().isEmpty()) {
                worst.merge(f.deviceId(), f.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                tmp.computeIfAbsent(f.deviceId(), k -> new java.util.ArrayList<>()).add(f);
            }
        }
        tmp.forEach((k, v) -> byDevice.put(k, List.copyOf(v)));
    }

    /** All findings in validator order. */
    public List<Finding> all() {
        return findings;
    }

    /** The worst severity of a device's findings, if it has any. */
    public Optional<Severity> worst(String deviceId) {
        return Optional.ofNullable(worst.get(deviceId));
    }

    /** The findings of one device. */
    public List<Finding> of(String deviceId) {
        return byDevice.getOrDefault(deviceId, List.of());
    }

    /** Number of findings of one severity. */
    public int count(Severity s) {
        return counts.get(s);
    }

    /** Total number of findings. */
    public int size() {
        return findings.size();
    }
}
