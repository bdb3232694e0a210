package io.nestedge.commissioning.run;

/**
 * A diagnosis attached to a step result: what was found, why, and how to fix it.
 *
 * @param cause the cause in a technician's words
 * @param fix the fix
 * @param remedyId ID of a fix the tool can apply itself (e.g. {@code RECREATE_EDGEHUB}), or empty
 * @param source where it comes from (field case or facts section, e.g. "F12"), or empty
 */
public record Remark(String cause, String fix, String remedyId, String source) {
    /** Normalises nulls to empty strings. */
    public Remark {
        cause = cause == null ? "" : cause;
        fix = fix == null ? "" : fix;
        remedyId = remedyId == null ? "" : remedyId;
        source = source == null ? "" : source;
    }
}
