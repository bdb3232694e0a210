package io.nestedge.app.commission;

import io.nestedge.commissioning.run.StepStatus;
import java.util.Locale;

/** What the canvas shows for one device during and after a commissioning run. */
public enum DeviceRunStatus {
    /** In the run, not started yet (its parent is still being commissioned). */
    PENDING,
    /** Steps are running. */
    RUNNING,
    /** Commissioned, nothing to report. */
    OK,
    /** Commissioned with warnings (e.g. {@code iotedge check} warnings). */
    WARNING,
    /** A step failed; the device stopped there. */
    FAILED,
    /** Not started because its parent failed. */
    SKIPPED,
    /** Cancelled by the technician (or the connection was lost). */
    CANCELLED;

    /** The status of a finished device. */
    public static DeviceRunStatus of(StepStatus s) {
        return switch (s) {
            case OK -> OK;
            case WARNING -> WARNING;
            case FAILED -> FAILED;
            case SKIPPED -> SKIPPED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** True once the device will not change any more in this run. */
    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }

    /** CSS style class of the badge and node ({@code run-ok}, {@code run-failed}, …). */
    public String styleClass() {
        return "run-" + name().toLowerCase(Locale.ROOT);
    }

    /** A word for people. */
    public String label() {
        return switch (this) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case OK -> "commissioned";
            case WARNING -> "warnings";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            case CANCELLED -> "cancelled";
        };
    }
}
