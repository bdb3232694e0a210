package io.nestedge.model.export;

import java.util.regex.Pattern;

/**
 * Quoting for the generated hub scripts: bash and PowerShell words that read back as exactly the
 * original string, and the IoT Hub device-ID check both scripts rely on. (The commissioning module
 * has its own POSIX {@code ShellQuote} for remote commands; the model cannot depend on it.)
 */
final class ScriptQuoting {
    /**
     * IoT Hub device IDs: up to 128 ASCII letters, digits and {@code - . + % _ # * ? ! ( ) , : = @ $ '}.
     */
    static final Pattern IOT_HUB_ID = Pattern.compile("[A-Za-z0-9\\-.+%_#*?!(),:=@$']{1,128}");
    /** Characters cmd.exe interprets when az runs as {@code az.cmd} from PowerShell on Windows. */
    static final String CMD_SPECIAL = "%!()^&|<>\"";
    /** Characters PowerShell treats as single quotes (ASCII and the four typographic ones). */
    private static final String PS_QUOTES = "'\u2018\u2019\u201A\u201B";

    private ScriptQuoting() {
    }

    /** A bash word: the project's one shell-quoting function ({@link io.nestedge.model.shell.ShellQuote}). NUL is refused. */
    static String bash(String s) {
        return io.nestedge.model.shell.ShellQuote.quote(s);
    }

    /** A PowerShell verbatim string: single-quoted, every quote character doubled. NUL is refused. */
    static String powershell(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PowerShell string cannot contain NUL");
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c);
            if (PS_QUOTES.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** Text safe inside a one-line comment: control and line-separator characters become '?'. */
    static String comment(String s) {
        char[] cs = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // \p{Cntrl} (U+0000-U+001F, U+007F), NEL, LINE and PARAGRAPH SEPARATOR
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (cs == null) {
                    cs = s.toCharArray();
                }
                cs[i] = '?';
            }
        }
        return cs == null ? s : new String(cs);
    }
}
