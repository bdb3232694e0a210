package io.nestedge.model.rules;

import io.nestedge.model.Device;
import java.util.Objects;

/** Common state of a rule (ID, severity, source, description) and helpers that build its findings. */
public abstract class AbstractRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String source;
    private final String description;

    /**
     * @param id stable rule ID, {@code NE-…}
     * @param severity severity of the rule's findings
     * @param source source of the rule, e.g. {@code facts §2}
     * @param description one-line description for the catalog
     */
    protected AbstractRule(String id, Severity severity, String source, String description) {
        this.id = Objects.requireNonNull(id);
        this.severity = Objects.requireNonNull(severity);
        this.source = Objects.requireNonNull(source);
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final String description() {
        return description;
    }

    /** A finding of this rule on {@code device}'s {@code field}. */
    protected final Finding finding(Device device, String field, String message, String fix) {
        return new Finding(id, severity, device.id(), field, message, fix);
    }

    /** A plant-wide finding of this rule (no device) on {@code field}. */
    protected final Finding plantFinding(String field, String message, String fix) {
        return new Finding(id, severity, "", field, message, fix);
    }

    @Override
    public String toString() {
        return id;
    }
}
