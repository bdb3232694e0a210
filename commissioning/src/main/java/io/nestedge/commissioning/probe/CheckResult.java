package io.nestedge.commissioning.probe;

import java.util.Locale;

/**
 * The result of one {@code iotedge check} check (facts §6). Text output only shows OK, WARNING and
 * ERROR; JSON output also shows IGNORED, SKIPPED and FATAL.
 */
public enum CheckResult {
    OK, WARNING, IGNORED, SKIPPED, FATAL, ERROR;

    /** True for ERROR and FATAL. */
    public boolean isFailure() {
        return this == ERROR || this == FATAL;
    }

    /**
     * Reads the JSON spelling ({@code ok|warning|ignored|skipped|fatal|error}).
     *
     * @return the result, or null when the word is not one of them
     */
    public static CheckResult fromJson(String word) {
        if (word == null) {
            return null;
        }
        for (CheckResult r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(word)) {
                return r;
            }
        }
        return null;
    }
}
