package io.nestedge.model.rules;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.util.List;

/**
 * A rule checked one device at a time, with the plant as read-only context. What a device rule may
 * read decides which devices the {@link IncrementalValidator} re-checks after an edit: see
 * {@link #reach()}. Plant settings (layers, API proxy, registry, PKI) may always be read; a change to
 * them triggers a full validation.
 */
public abstract class DeviceRule extends AbstractRule {
    /** What a device rule reads besides the device itself and the plant settings. */
    public enum Reach {
        /** The device's parent and its children (the default). */
        NEIGHBOURS,
        /** The device's whole chain of ancestors (e.g. cycle detection). */
        ANCESTORS
    }

    /** @see AbstractRule#AbstractRule(String, Severity, String, String) */
    protected DeviceRule(String id, Severity severity, String source, String description) {
        super(id, severity, source, description);
    }

    /**
     * Checks one device and appends its findings (all with this rule's ID, on {@code device}).
     *
     * @param device the device, a member of {@code plant}
     * @param plant the plant, for parent/children look-ups and settings
     * @param out where findings go
     */
    public abstract void check(Device device, Plant plant, List<Finding> out);

    /** What this rule reads besides the device: {@link Reach#NEIGHBOURS} unless overridden. */
    public Reach reach() {
        return Reach.NEIGHBOURS;
    }
}
