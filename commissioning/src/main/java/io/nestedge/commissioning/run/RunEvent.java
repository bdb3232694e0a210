package io.nestedge.commissioning.run;

import java.time.Instant;

/** Everything a commissioning run reports, in order per device, for the canvas, the CLI and the journal. */
public sealed interface RunEvent {
    /** When it happened. */
    Instant at();

    /** The device concerned, or empty for run-level events. */
    String deviceId();

    /** A device started (its parent succeeded or it has none in the run). */
    record DeviceStarted(Instant at, String deviceId) implements RunEvent { }

    /** A step started. */
    record StepStarted(Instant at, String deviceId, String stepId, String title) implements RunEvent { }

    /** Output of a running step. */
    record StepOutput(Instant at, String deviceId, String stepId, String text) implements RunEvent { }

    /** A step finished (or was skipped because the journal says it already succeeded). */
    record StepFinished(Instant at, String deviceId, String stepId, String title, StepResult result,
            boolean fromJournal) implements RunEvent { }

    /** A device finished with the worst status of its steps. */
    record DeviceFinished(Instant at, String deviceId, StepStatus status, String summary) implements RunEvent { }

    /** The run finished. */
    record RunFinished(Instant at, String deviceId, RunReport report) implements RunEvent { }
}
