package io.nestedge.model.io.yaml;

import java.util.List;

/**
 * A tool config written from a plant, and what the format could not hold.
 *
 * @param yaml the whole file (UTF-8 when saved)
 * @param warnings one sentence each: what was dropped or assumed (e.g. leaf devices in the
 *     {@code az-devices} format, which has none)
 */
public record ExportResult(String yaml, List<String> warnings) {
    /** Copies the warnings. */
    public ExportResult {
        warnings = List.copyOf(warnings);
    }
}
