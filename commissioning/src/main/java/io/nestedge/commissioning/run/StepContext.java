package io.nestedge.commissioning.run;

/**
 * What a running step may use: its device, a way to report output as it comes, and the run's
 * cancellation state.
 */
public interface StepContext {
    /** The device ID. */
    String deviceId();

    /** Reports a chunk of output (a line or more) as it arrives; shown live in the GUI and journal. */
    void output(String text);

    /** True once the run was cancelled; long steps should check it and stop. */
    boolean cancelled();
}
