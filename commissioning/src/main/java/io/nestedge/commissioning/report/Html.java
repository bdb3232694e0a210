package io.nestedge.commissioning.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.regex.Pattern;

/**
 * Escaping for everything in the report that comes from devices, plants or journals. Text is first made
 * XML 1.0-legal (the report is XHTML so that the PDF renderer can parse it): ANSI colour sequences are
 * dropped and other characters XML forbids (control characters, lone surrogates) become U+FFFD; then
 * Guava's {@link HtmlEscapers} escapes {@code & < > " '}, so the result is safe in element text and in
 * quoted attribute values.
 */
public final class Html {
    private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private Html() {
    }

    /**
     * Escapes text for an XHTML element or a quoted attribute.
     *
     * @param s any text, or null (gives "")
     * @return the escaped text
     */
    public static String esc(String s) {
        return s == null || s.isEmpty() ? "" : ESCAPER.escape(xmlLegal(s));
    }

    /**
     * Removes ANSI escape sequences and replaces characters XML 1.0 forbids (everything below U+0020
     * except tab, newline and carriage return; U+FFFE/U+FFFF; unpaired surrogates) with U+FFFD.
     */
    static String xmlLegal(String s) {
        String t = s.indexOf('\u001B') >= 0 ? ANSI.matcher(s).replaceAll("") : s;
        StringBuilder sb = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(t.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(t.length()).append(t, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? t : sb.toString();
    }
}
