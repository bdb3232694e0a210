package io.nestedge.commissioning.run;

/** Outcome of one step, or of a whole device (the worst of its steps). */
public enum StepStatus {
    /** Done, nothing to report. */
    OK,
    /** Done, with warnings (e.g. {@code iotedge check} raised warnings). */
    WARNING,
    /** Failed: the device stops here; its children are not started. */
    FAILED,
    /** Not run: a parent failed, or the step does not apply. */
    SKIPPED,
    /** Not run or interrupted because the run was cancelled. */
    CANCELLED;

    /** True for OK and WARNING: children may start. */
    public boolean succeeded() {
        return this == OK || this == WARNING;
    }

    /** The worse of two statuses (FAILED > CANCELLED > SKIPPED > WARNING > OK). */
    public StepStatus worst(StepStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(StepStatus s) {
        return switch (s) {
            case OK -> 0;
            case WARNING -> 1;
            case SKIPPED -> 2;
            case CANCELLED -> 3;
            case FAILED -> 4;
        };
    }
}
