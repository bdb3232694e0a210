package io.nestedge.commissioning.report;

import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepStatus;
import java.util.List;

/**
 * The latest journalled result of one step on one device.
 *
 * @param runId the run that produced it
 * @param time ISO-8601 time of the step-finished line
 * @param stepId the step ID ({@code io.nestedge.model.steps.InstallSteps}, plus {@code upload-bundle}, {@code cleanup})
 * @param title the step's title
 * @param status its status
 * @param summary one line
 * @param output the step's log: commands ({@code $ …}) and what the device printed
 * @param remarks diagnoses (cause, fix, source)
 * @param fromJournal true when a resumed run skipped it because an earlier run had done it
 */
public record StepEntry(String runId, String time, String stepId, String title, StepStatus status, String summary,
        String output, List<Remark> remarks, boolean fromJournal) {
    /** Normalises nulls and copies the list. */
    public StepEntry {
        runId = runId == null ? "" : runId;
        time = time == null ? "" : time;
        stepId = stepId == null ? "" : stepId;
        title = title == null || title.isEmpty() ? stepId : title;
        summary = summary == null ? "" : summary;
        output = output == null ? "" : output;
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }
}
