package io.nestedge.commissioning.report;

import io.nestedge.commissioning.run.StepStatus;

/**
 * How a device stands in the report: a run's {@link StepStatus}, or one of two states only a journal
 * shows — the run stopped while the device was being worked on, or the device was never part of a run.
 */
public enum DeviceResult {
    /** Commissioned, nothing to report. */
    OK("OK"),
    /** Commissioned with warnings. */
    WARNING("Warning"),
    /** A step failed: see the diagnosis. */
    FAILED("Failed"),
    /** Not started: its parent failed (or the step did not apply). */
    SKIPPED("Skipped"),
    /** The run was cancelled before or while this device ran. */
    CANCELLED("Cancelled"),
    /** Steps were journalled but the device never finished (the run died: laptop asleep, link lost). */
    INTERRUPTED("Interrupted"),
    /** In the plant but in no run of this journal. */
    NOT_RUN("Not run");

    private final String label;

    DeviceResult(String label) {
        this.label = label;
    }

    /** The word shown to the technician. */
    public String label() {
        return label;
    }

    /** The CSS class suffix ({@code ok}, {@code warning}, …). */
    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The device result for a run status. */
    public static DeviceResult of(StepStatus s) {
        return switch (s) {
            case OK -> OK;
            case WARNING -> WARNING;
            case FAILED -> FAILED;
            case SKIPPED -> SKIPPED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** True for OK and WARNING. */
    public boolean succeeded() {
        return this == OK || this == WARNING;
    }
}
