package io.nestedge.model.io.yaml;

import io.nestedge.model.Plant;
import java.util.List;

/**
 * The plant built from a tool config, and what could not be carried over.
 *
 * @param plant the new plant
 * @param warnings one sentence each: what was dropped or assumed (e.g. a container registry password,
 *     which is never stored)
 */
public record ImportResult(Plant plant, List<String> warnings) {
    /** Copies the warnings. */
    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
