package io.nestedge.commissioning.virtualplant.cmd;

/** Docker-style human durations ("Less than a second", "5 seconds", "About a minute", "3 minutes", …). */
public final class Durations {
    private Durations() {
    }

    /** @param millis elapsed time in milliseconds */
    public static String human(long millis) {
        long s = Math.max(0, millis / 1000);
        if (s < 1) {
            return "Less than a second";
        }
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = s / 60;
        if (m < 2) {
            return "About a minute";
        }
        if (m < 60) {
            return m + " minutes";
        }
        long h = m / 60;
        if (h < 2) {
            return "About an hour";
        }
        if (h < 48) {
            return h + " hours";
        }
        return h / 24 + " days";
    }
}
