package io.nestedge.model.export;

/**
 * Export cannot go on: a device lacks a secret, its module has invalid create options, the plant
 * has validation errors… Names the device (or empty for the plant), what is wrong and the fix.
 */
public class ExportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String deviceId;
    private final String problem;
    private final String fix;

    /**
     * @param deviceId device concerned, or empty for the whole plant
     * @param problem what is wrong
     * @param fix how to fix it (may be empty)
     * @param cause underlying exception, or null
     */
    public ExportException(String deviceId, String problem, String fix, Throwable cause) {
        super((deviceId == null || deviceId.isEmpty() ? "plant" : "device '" + deviceId + "'") + ": " + problem
                + (fix == null || fix.isEmpty() ? "" : " Fix: " + fix), cause);
        this.deviceId = deviceId == null ? "" : deviceId;
        this.problem = problem == null ? "" : problem;
        this.fix = fix == null ? "" : fix;
    }

    /** Same, without a cause. */
    public ExportException(String deviceId, String problem, String fix) {
        this(deviceId, problem, fix, null);
    }

    /** The device concerned, or empty. */
    public String deviceId() { return deviceId; }
    /** What is wrong. */
    public String problem() { return problem; }
    /** How to fix it. */
    public String fix() { return fix; }
}
