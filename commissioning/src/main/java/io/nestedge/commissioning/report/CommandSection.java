package io.nestedge.commissioning.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of a step's log and what it printed. A remote step logs each command as
 * {@code $ COMMAND LINE}, then its standard output and error, then {@code (exit N)} when N is not 0
 * ({@code io.nestedge.commissioning.plan.RemoteStep}).
 *
 * @param command the command line (without the {@code $ })
 * @param text what it printed (standard output, then standard error), without the exit line
 * @param exitCode its exit status (0 when the log shows none)
 */
public record CommandSection(String command, String text, int exitCode) {
    private static final Pattern EXIT = Pattern.compile("\\(exit (-?\\d{1,9})\\)");

    /**
     * Splits a step log into its commands. Text before the first {@code $ } line is dropped.
     *
     * @param log the step's output as journalled
     * @return the commands in order (empty when the log has none)
     */
    public static List<CommandSection> split(String log) {
        List<CommandSection> out = new ArrayList<>();
        String command = null;
        StringBuilder text = new StringBuilder();
        for (String line : log.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    out.add(section(command, text));
                }
                command = line.substring(2);
                text.setLength(0);
            } else if (command != null) {
                text.append(line).append('\n');
            }
        }
        if (command != null) {
            out.add(section(command, text));
        }
        return out;
    }

    private static CommandSection section(String command, StringBuilder text) {
        String t = text.toString();
        while (t.endsWith("\n\n")) {
            t = t.substring(0, t.length() - 1);
        }
        int exit = 0;
        String body = t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
        int nl = body.lastIndexOf('\n');
        String last = body.substring(nl + 1);
        Matcher m = EXIT.matcher(last);
        if (m.matches()) {
            exit = Integer.parseInt(m.group(1));
            t = nl < 0 ? "" : body.substring(0, nl + 1);
        }
        return new CommandSection(command, t, exit);
    }

    /** True when the command line starts with these words (e.g. {@code "iotedge list"}). */
    public boolean runs(String prefix) {
        return command.equals(prefix) || command.startsWith(prefix + " ");
    }
}
