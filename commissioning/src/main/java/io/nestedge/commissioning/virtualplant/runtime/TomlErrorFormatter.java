package io.nestedge.commissioning.virtualplant.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a config.toml problem in the runtime's shape (Rust {@code toml} crate errors, see
 * {@code shared/samples/device-output/config-apply-failures.txt}):
 * <pre>
 * could not parse config file /etc/aziot/config.toml
 *         caused by: TOML parse error at line 14, column 6
 *    |
 * 14 | image: "…"
 *    |      ^
 * expected `.`, `=`
 * </pre>
 */
public final class TomlErrorFormatter {
    private static final Pattern EXPECTED = Pattern.compile("\\bexpected (.+)$");

    private TomlErrorFormatter() {
    }

    /**
     * @param file device path of the config file
     * @param source file content
     * @param line 1-based line
     * @param column 1-based column
     * @param message the last line (what was wrong)
     * @return the message for {@link ApplyException}
     */
    public static String format(String file, String source, int line, int column, String message) {
        String[] lines = source.split("\n", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1].replace("\r", "") : "";
        String num = Integer.toString(line);
        String gutter = " ".repeat(num.length());
        return "could not parse config file " + file + "\n"
                + "        caused by: TOML parse error at line " + line + ", column " + column + "\n"
                + gutter + " |\n"
                + num + " | " + text + "\n"
                + gutter + " | " + " ".repeat(Math.max(0, column - 1)) + "^\n"
                + message;
    }

    /**
     * Translates a tomlj message ("Unexpected ':', expected . or =") to the toml crate's last line
     * ("expected `.`, `=`"). Messages without an "expected" part are returned unchanged.
     */
    public static String tomljMessage(String tomlj) {
        Matcher m = EXPECTED.matcher(tomlj);
        if (!m.find()) {
            return tomlj;
        }
        String alts = m.group(1);
        List<String> out = new ArrayList<>();
        for (String a : alts.split(",\\s*|\\s+or\\s+")) {
            String t = a.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() <= 3 && !t.matches("[A-Za-z]+")) {
                out.add("`" + t.replace("'", "") + "`");
            } else {
                out.add(t);
            }
        }
        return "expected " + String.join(", ", out);
    }
}
