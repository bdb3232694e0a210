package io.nestedge.model.rules;

import io.nestedge.model.Plant;
import java.util.List;

/**
 * A rule on the plant settings alone (layers, PKI, API proxy, registry): its findings have no device.
 * It is re-run only when the settings change.
 */
public abstract class SettingsRule extends AbstractRule {
    /** @see AbstractRule#AbstractRule(String, Severity, String, String) */
    protected SettingsRule(String id, Severity severity, String source, String description) {
        super(id, severity, source, description);
    }

    /**
     * Checks the plant settings and appends findings with an empty device ID.
     *
     * @param plant the plant
     * @param out where findings go
     */
    public abstract void check(Plant plant, List<Finding> out);
}
