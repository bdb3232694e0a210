package io.nestedge.model.rules;

import io.nestedge.model.Plant;
import java.util.List;

/**
 * Runs every rule of the {@link RuleCatalog} on a plant. Pure: the same plant gives the same
 * findings, in a stable order: plant-wide findings (no device) first, then by device in plant order,
 * then by rule ID (then field and message). For re-validation after edits use
 * {@link IncrementalValidator}, which returns exactly the same list.
 */
public final class Validator {
    private Validator() {
    }

    /**
     * Validates a plant.
     *
     * @param plant the plant
     * @return all findings (unmodifiable), never null
     */
    public static List<Finding> validate(Plant plant) {
        return IncrementalValidator.start(plant).findings();
    }

    /** True when {@code findings} contain at least one {@link Severity#ERROR} (export is blocked). */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
