package io.nestedge.model.rules;

/** How bad a finding is. Errors block export; warnings and infos do not. */
public enum Severity {
    /** Will fail on the device, or is refused by the runtime: blocks export. */
    ERROR,
    /** Works only in some conditions, or the device's own check warns. */
    WARNING,
    /** Advice. */
    INFO
}
