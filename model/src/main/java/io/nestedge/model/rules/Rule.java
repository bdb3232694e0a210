package io.nestedge.model.rules;

/**
 * One validation rule: a stable ID ({@code NE-…}), the severity of its findings, a one-line
 * description for the catalog, and the source of the rule (a section of the nested-edge facts file).
 * Implementations are {@link DeviceRule} (one device with the plant as context), {@link PlantRule}
 * (needs plant-wide indexes, e.g. duplicates) and {@link SettingsRule} (plant settings only).
 */
public interface Rule {
    /** Stable rule ID, e.g. {@code NE-HOST-LENGTH}; never reused for another meaning. */
    String id();

    /** Severity of every finding of this rule. */
    Severity severity();

    /** One line for the catalog: what the rule requires. */
    String description();

    /** Where the rule comes from, e.g. {@code facts §2}. */
    String source();
}
