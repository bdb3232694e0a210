package io.nestedge.commissioning.report;

/**
 * One run recorded in the journal (a {@code run-started} line and what followed it).
 *
 * @param runId the run identifier, or empty when the journal lost its run-started line
 * @param plant the plant's name as the run recorded it
 * @param user who ran it (OS user name on the laptop)
 * @param host the laptop's host name
 * @param started ISO-8601 start time, or empty
 * @param finished ISO-8601 time of the run-finished line, or empty when the run never finished
 * @param cancelled true when the run was cancelled
 * @param elapsedMs wall-clock duration in milliseconds, or -1 when the run never finished
 * @param devicesFinished how many device-finished lines the run wrote
 * @param devicesFailed how many of them ended FAILED
 */
public record RunInfo(String runId, String plant, String user, String host, String started, String finished,
        boolean cancelled, long elapsedMs, int devicesFinished, int devicesFailed) {
    /** Normalises nulls. */
    public RunInfo {
        runId = runId == null ? "" : runId;
        plant = plant == null ? "" : plant;
        user = user == null ? "" : user;
        host = host == null ? "" : host;
        started = started == null ? "" : started;
        finished = finished == null ? "" : finished;
    }

    /** True when the journal holds this run's run-finished line. */
    public boolean completed() {
        return !finished.isEmpty();
    }
}
