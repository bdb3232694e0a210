package io.nestedge.model.rules;

import io.nestedge.model.Plant;
import java.util.List;
import java.util.Set;

/**
 * A rule whose finding on one device depends on devices far away (duplicates, one hostname style per
 * hierarchy). It keeps an {@link Index} so that the {@link IncrementalValidator} re-checks only the
 * devices an edit can affect.
 */
public abstract class PlantRule extends AbstractRule {
    /** @see AbstractRule#AbstractRule(String, Severity, String, String) */
    protected PlantRule(String id, Severity severity, String source, String description) {
        super(id, severity, source, description);
    }

    /** Builds this rule's index for a plant (O(devices)). */
    public abstract Index index(Plant plant);

    /** A rule's mutable index over one plant; not thread-safe. */
    public interface Index {
        /**
         * Appends this rule's findings for one device of the plant the index currently describes.
         *
         * @param plant that plant
         * @param deviceId a device of it
         * @param out where findings go
         */
        void check(Plant plant, String deviceId, List<Finding> out);

        /**
         * Moves the index from {@code before} to {@code after}.
         *
         * @param before the plant the index describes now
         * @param after the edited plant (same settings)
         * @param changed IDs of devices added, removed or modified
         * @param neighbourhood {@code changed} plus their old and new parents and children
         * @return IDs of every device whose findings of this rule may differ (may include removed devices)
         */
        Set<String> update(Plant before, Plant after, Set<String> changed, Set<String> neighbourhood);
    }
}
