package io.nestedge.model.export;

/**
 * Receives export progress, for the GUI's and the CLI's progress bars. Called on the exporting
 * thread; implementations hand the values to their UI thread themselves. {@code done} counts up from
 * 0 to {@code total} within one stage; a new stage starts again at 0.
 */
@FunctionalInterface
public interface ExportProgress {
    /** Stage: per-device files (config.toml, deployment.json, …). */
    String DEVICES = "devices";
    /** Stage: plant-wide files (hub scripts, …). */
    String PLANT = "plant";
    /** Stage: moving the finished export into place. */
    String FINISH = "finish";

    /** Ignores all progress. */
    ExportProgress NONE = (stage, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param stage one of the constants above (extensions may add their own)
     * @param done units finished in this stage, 0..total
     * @param total units in this stage
     */
    void progress(String stage, int done, int total);
}
