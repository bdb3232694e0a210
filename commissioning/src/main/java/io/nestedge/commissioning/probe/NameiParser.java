package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code namei -l <path>} (util-linux): the mode, owner and group of every component of a path,
 * which is how a commissioning run verifies that every parent directory of a certificate or key is
 * traversable by {@code aziotcs}/{@code aziotks} (facts §4; field cases F19, F20).
 */
public final class NameiParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "namei -l";

    private static final Pattern HEADER = Pattern.compile("^f: (/.*)$");
    private static final Pattern ENTRY = Pattern.compile("^([-dlcbsp][-rwxsStT]{9})[.+@]? +(\\S+) +(\\S+) +(.+)$");
    private static final Pattern MISSING = Pattern.compile("^ +(\\S.*) - (No such file or directory|Permission denied)$");

    private NameiParser() {
    }

    /**
     * @param output stdout and stderr of {@code namei -l} for one or more paths
     * @return the components of every listed path, in order (a symlink's target components follow it
     *     as namei prints them)
     * @throws ProbeParseException on a line that is neither a {@code f:} header nor a component line,
     *     or on a component the device reports as missing or unreadable (message names it)
     */
    public static List<PathEntry> parse(String output) throws ProbeParseException {
        List<PathEntry> out = new ArrayList<>();
        List<String> lines = Lines.of(output);
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                current = "";
                continue;
            }
            m = ENTRY.matcher(line);
            if (m.matches() && current != null) {
                String name = m.group(4).strip();
                int arrow = name.indexOf(" -> ");
                String plain = arrow >= 0 ? name.substring(0, arrow) : name;
                current = "/".equals(plain) ? "/" : (current.endsWith("/") ? current : current + "/") + plain;
                out.add(new PathEntry(m.group(1), m.group(2), m.group(3), plain, current));
                continue;
            }
            m = MISSING.matcher(line);
            if (m.matches() && current != null) {
                throw new ProbeParseException(COMMAND, n, line, "the device reports " + m.group(2) + " for " + m.group(1));
            }
            throw new ProbeParseException(COMMAND, n, line, "expected \"f: <path>\" or a component line (mode owner group name)");
        }
        if (out.isEmpty()) {
            throw new ProbeParseException(COMMAND, 0, "", "no path components were listed");
        }
        return out;
    }
}
