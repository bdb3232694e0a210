package io.nestedge.commissioning.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Formatting of times and durations for the report (UTC, so a report reads the same everywhere). */
final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** "1 warning", "2 warnings": no "warning(s)", which the PDF renderer may break before "(s)". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** An ISO-8601 instant as {@code 2026-11-12 08:14:03 UTC}; other text is returned as is. */
    static String time(String iso) {
        Instant t = instant(iso);
        return t == null ? iso : TIME.format(t);
    }

    /** An instant as {@code 2026-11-12 08:14:03 UTC}. */
    static String time(Instant t) {
        return TIME.format(t);
    }

    /** An instant as {@code 2026-11-12}. */
    static String day(Instant t) {
        return DAY.format(t);
    }

    /** Parses an ISO-8601 instant (or offset date-time), or null. */
    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso.trim());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(iso.trim()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Milliseconds as {@code 850 ms}, {@code 42 s}, {@code 3 min 12 s} or {@code 1 h 05 min}; "" when negative. */
    static String duration(long ms) {
        if (ms < 0) {
            return "";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        Duration d = Duration.ofMillis(ms);
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        if (h > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", h, m);
        }
        return m > 0 ? m + " min " + s + " s" : s + " s";
    }
}
