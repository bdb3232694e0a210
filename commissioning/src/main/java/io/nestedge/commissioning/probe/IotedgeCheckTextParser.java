package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text output of {@code iotedge check [--verbose]} (facts §6): sections whose title is
 * underlined with {@code -}, one line per check with the markers √ (U+221A), ‼ (U+203C) and × (U+00D7),
 * detail lines indented four spaces ({@code caused by:} lines deeper), and the summary lines. Any
 * other line, or output that ends before the summary, is a {@link ProbeParseException}.
 */
public final class IotedgeCheckTextParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "iotedge check";

    private static final Pattern CHECK = Pattern.compile(
            "^([\u221A\u203C\u00D7]) (.+) - (OK|Warning|Error)(?: \\((skipped|ignored)\\))?$");
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d{1,9}) check\\(s\\) (succeeded|raised warnings|raised errors"
                    + "|were skipped due to errors from other checks)\\.$");
    private static final Pattern UNDERLINE = Pattern.compile("^-{3,}$");

    private IotedgeCheckTextParser() {
    }

    /**
     * @param output everything the command printed on stdout
     * @return the checks and the summary counts
     * @throws ProbeParseException on any line that is not a section title, underline, check, detail,
     *     summary or blank line, on a marker that contradicts its status word, or when no summary
     *     line was printed (truncated output)
     */
    public static CheckReport parse(String output) throws ProbeParseException {
        List<String> lines = Lines.of(output);
        List<CheckEntry> checks = new ArrayList<>();
        String section = null;
        String description = null;
        String id = null;
        CheckResult result = null;
        List<String> details = new ArrayList<>();
        long[] counts = new long[4];
        boolean sawSummary = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (sawSummary) {
                Matcher sm = SUMMARY.matcher(line);
                if (!sm.matches()) {
                    throw new ProbeParseException(COMMAND, n, line, "only summary lines may follow the first summary line");
                }
                addCount(counts, sm);
                continue;
            }
            if (line.startsWith("    ")) {
                if (description == null) {
                    throw new ProbeParseException(COMMAND, n, line, "an indented detail line before any check line");
                }
                details.add(line.strip());
                continue;
            }
            Matcher cm = CHECK.matcher(line);
            if (cm.matches()) {
                if (section == null) {
                    throw new ProbeParseException(COMMAND, n, line, "a check line before any section title");
                }
                if (description != null) {
                    checks.add(new CheckEntry(id, section, description, result, details, Map.of()));
                }
                description = cm.group(2);
                id = CheckIds.forDescription(description);
                result = resultOf(cm, n, line);
                details = new ArrayList<>();
                continue;
            }
            Matcher sm = SUMMARY.matcher(line);
            if (sm.matches()) {
                if (description != null) {
                    checks.add(new CheckEntry(id, section, description, result, details, Map.of()));
                    description = null;
                }
                sawSummary = true;
                addCount(counts, sm);
                continue;
            }
            if (i + 1 < lines.size() && UNDERLINE.matcher(lines.get(i + 1)).matches()
                    && !line.startsWith(" ") && !UNDERLINE.matcher(line).matches()) {
                if (description != null) {
                    checks.add(new CheckEntry(id, section, description, result, details, Map.of()));
                    description = null;
                }
                section = line.strip();
                i++;
                continue;
            }
            throw new ProbeParseException(COMMAND, n, line,
                    "expected a section title, a check line (√/‼/× … - OK|Warning|Error), an indented detail or a summary line");
        }
        if (!sawSummary) {
            throw new ProbeParseException(COMMAND, 0, "",
                    "the output ends without the summary lines (\"N check(s) succeeded.\"): truncated or not iotedge check output");
        }
        return new CheckReport(checks, new CheckReport.Summary(counts[0], counts[1], counts[2], counts[3]), Map.of());
    }

    private static CheckResult resultOf(Matcher m, int n, String line) throws ProbeParseException {
        char marker = m.group(1).charAt(0);
        String word = m.group(3);
        String suffix = m.group(4);
        CheckResult r = switch (word) {
            case "OK" -> suffix == null ? CheckResult.OK
                    : "skipped".equals(suffix) ? CheckResult.SKIPPED : CheckResult.IGNORED;
            case "Warning" -> CheckResult.WARNING;
            default -> CheckResult.ERROR;
        };
        char expected = switch (word) {
            case "OK" -> '\u221A';
            case "Warning" -> '\u203C';
            default -> '\u00D7';
        };
        if (marker != expected || (suffix != null && !"OK".equals(word))) {
            throw new ProbeParseException(COMMAND, n, line, "the marker " + marker + " does not match the status " + word);
        }
        return r;
    }

    private static void addCount(long[] counts, Matcher m) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "succeeded" -> counts[0] += n;
            case "raised warnings" -> counts[1] += n;
            case "raised errors" -> counts[2] += n;
            default -> counts[3] += n;
        }
    }
}
