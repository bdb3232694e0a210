package io.nestedge.commissioning.run;

import java.util.List;

/**
 * What one step produced.
 *
 * @param status outcome
 * @param summary one line for tables and the canvas
 * @param output the step's full output (commands and what the device printed; never secrets)
 * @param remarks diagnoses (cause and fix), possibly empty
 */
public record StepResult(StepStatus status, String summary, String output, List<Remark> remarks) {
    /** Normalises nulls and copies the list. */
    public StepResult {
        summary = summary == null ? "" : summary;
        output = output == null ? "" : output;
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }

    /** An OK result. */
    public static StepResult ok(String summary, String output) {
        return new StepResult(StepStatus.OK, summary, output, List.of());
    }

    /** A failed result with diagnoses. */
    public static StepResult failed(String summary, String output, List<Remark> remarks) {
        return new StepResult(StepStatus.FAILED, summary, output, remarks);
    }
}
