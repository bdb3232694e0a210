package io.nestedge.app.commission;

import io.nestedge.commissioning.run.StepStatus;

/**
 * One line of a device's step list.
 *
 * @param stepId the step's ID ({@code preflight}, {@code verify-runtime}, …)
 * @param title the step's title
 * @param status its result, or null while it runs
 * @param summary the result's one-line summary, or empty while it runs
 * @param fromJournal true when skipped because a previous run's journal records it as done
 */
public record StepRow(String stepId, String title, StepStatus status, String summary, boolean fromJournal) {
    /** Normalises a null summary. */
    public StepRow {
        summary = summary == null ? "" : summary;
    }

    /** True while the step runs. */
    public boolean running() {
        return status == null;
    }
}
