package io.nestedge.commissioning.virtualplant.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX command line into words and operators: single quotes (literal), double quotes
 * (backslash escapes {@code $ ` " \}), backslash escapes, and the operators {@code && || | ; > >> <
 * 2> 2>> 2>&1}. Command substitution, variables and globbing are not supported (the commissioning
 * plan quotes every word with {@code ShellQuote}, so it never needs them).
 */
public final class ShellTokenizer {
    /** A token: a word, or an operator. */
    public record Token(String text, boolean operator) {
    }

    private ShellTokenizer() {
    }

    /**
     * @param line one command line
     * @return tokens in order
     * @throws ShellSyntaxException on an unterminated quote or unsupported syntax
     */
    public static List<Token> tokenize(String line) throws ShellSyntaxException {
        List<Token> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("Unterminated quoted string");
                }
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ShellSyntaxException("Unterminated quoted string");
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                        w.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '$' && i + 1 < n && (line.charAt(i + 1) == '(' || Character.isLetter(line.charAt(i + 1)))
                            || d == '`') {
                        throw new ShellSyntaxException("variables and command substitution are not supported by the"
                                + " virtual device");
                    }
                    w.append(d);
                    i++;
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n && line.charAt(i + 1) != '\n') {
                    w.append(line.charAt(i + 1));
                }
                inWord = true;
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (c == '\n') {
                    flush(out, w, inWord);
                    inWord = false;
                    out.add(new Token(";", true));
                    i++;
                    continue;
                }
                flush(out, w, inWord);
                inWord = false;
                i++;
            } else if (c == '#' && !inWord) {
                int nl = line.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '$' && i + 1 < n && (line.charAt(i + 1) == '(' || line.charAt(i + 1) == '{'
                    || Character.isLetter(line.charAt(i + 1))) || c == '`') {
                throw new ShellSyntaxException("variables and command substitution are not supported by the virtual device");
            } else if ("&|;<>".indexOf(c) >= 0 || (c == '2' && !inWord && i + 1 < n && line.charAt(i + 1) == '>')) {
                flush(out, w, inWord);
                inWord = false;
                String op = operator(line, i);
                out.add(new Token(op, true));
                i += op.length();
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        flush(out, w, inWord);
        return out;
    }

    private static String operator(String line, int i) throws ShellSyntaxException {
        for (String op : new String[] {"2>&1", "2>>", "&&", "||", ">>", "2>", "|", ";", ">", "<"}) {
            if (line.startsWith(op, i)) {
                return op;
            }
        }
        throw new ShellSyntaxException("\"" + line.charAt(i) + "\" unexpected (background jobs are not supported)");
    }

    private static void flush(List<Token> out, StringBuilder w, boolean inWord) {
        if (inWord) {
            out.add(new Token(w.toString(), false));
            w.setLength(0);
        }
    }
}
