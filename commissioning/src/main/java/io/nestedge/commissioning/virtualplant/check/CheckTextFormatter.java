package io.nestedge.commissioning.virtualplant.check;

/**
 * Prints a {@link CheckReport} in the runtime's text shape (facts §6; sample
 * {@code iotedge-check-child-verbose.txt}): per section a title underlined with '-', then
 * {@code √ … - OK}, {@code ‼ … - Warning}, {@code × … - Error}; message lines indented 4 spaces and,
 * with --verbose, {@code caused by:} lines; skipped checks only with --verbose, as the runtime shows
 * them ({@code ‼ … - Warning} then {@code skipping because of …}); sections separated by a blank
 * line; then the summary lines (without --verbose each ends with " Re-run with --verbose for more
 * details."). No colour: the output is never a TTY.
 */
public final class CheckTextFormatter {
    private CheckTextFormatter() {
    }

    /** Renders the report. */
    public static String format(CheckReport report, boolean verbose) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (CheckReport.Section s : report.sections()) {
            if (!first) {
                b.append('\n');
            }
            first = false;
            b.append(s.title()).append('\n').append("-".repeat(s.title().length())).append('\n');
            for (CheckReport.Entry e : s.entries()) {
                entry(b, e, verbose);
            }
        }
        String suffix = verbose ? "" : " Re-run with --verbose for more details.";
        b.append(report.count(CheckOutcome.Result.OK)).append(" check(s) succeeded.\n");
        long w = report.count(CheckOutcome.Result.WARNING);
        if (w > 0) {
            b.append(w).append(" check(s) raised warnings.").append(suffix).append('\n');
        }
        long err = report.count(CheckOutcome.Result.ERROR) + report.count(CheckOutcome.Result.FATAL);
        if (err > 0) {
            b.append(err).append(" check(s) raised errors.").append(suffix).append('\n');
        }
        long sk = report.count(CheckOutcome.Result.SKIPPED);
        if (sk > 0) {
            b.append(sk).append(" check(s) were skipped due to errors from other checks.").append(suffix).append('\n');
        }
        return b.toString();
    }

    private static void entry(StringBuilder b, CheckReport.Entry e, boolean verbose) {
        CheckOutcome o = e.outcome();
        switch (o.result()) {
            case OK -> b.append("\u221a ").append(e.description()).append(" - OK\n");
            case IGNORED -> { }
            case SKIPPED -> {
                if (verbose) {
                    b.append("\u203c ").append(e.description()).append(" - Warning\n");
                    b.append("    skipping because of ").append(o.skipReason()).append('\n');
                }
            }
            case WARNING -> {
                b.append("\u203c ").append(e.description()).append(" - Warning\n");
                details(b, o, verbose);
            }
            case ERROR, FATAL -> {
                b.append("\u00d7 ").append(e.description()).append(" - Error\n");
                details(b, o, verbose);
            }
        }
    }

    private static void details(StringBuilder b, CheckOutcome o, boolean verbose) {
        if (o.details().isEmpty()) {
            return;
        }
        for (String line : o.details().get(0).split("\n", -1)) {
            b.append("    ").append(line).append('\n');
        }
        if (verbose) {
            for (String cause : o.details().subList(1, o.details().size())) {
                String[] lines = cause.split("\n", -1);
                b.append("        caused by: ").append(lines[0]).append('\n');
                for (int i = 1; i < lines.length; i++) {
                    b.append("                   ").append(lines[i]).append('\n');
                }
            }
        }
    }
}
