package io.nestedge.commissioning.run;

/**
 * One step of a device's commissioning, ready to execute (a remote command, an upload, a check).
 * Steps are idempotent: running one again after an interruption is safe.
 */
public interface StepTask {
    /** Stable ID within the device, e.g. {@code install-certs}; used by the journal to resume. */
    String id();

    /** Title shown to the user, e.g. "Install certificates and keys". */
    String title();

    /**
     * True when a resumed run must run this step again even if the journal says it succeeded
     * (verification steps such as {@code iotedge check}).
     */
    default boolean rerunOnResume() {
        return false;
    }

    /**
     * Runs the step.
     *
     * @param ctx the step's context
     * @return the result; a thrown exception counts as FAILED with its message
     * @throws Exception on any failure the step does not turn into a result itself
     */
    StepResult execute(StepContext ctx) throws Exception;
}
