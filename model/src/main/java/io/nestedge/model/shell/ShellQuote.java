package io.nestedge.model.shell;

import java.util.List;

/**
 * The one quoting function every remote command goes through (architecture.md, "plan"). A quoted
 * word is read back by a POSIX shell as exactly the original string, whatever it contains: device
 * IDs, hostnames and paths can never break out of their word.
 */
public final class ShellQuote {
    /** Characters a word may consist of to go unquoted ({@code [A-Za-z0-9_@%+=:,./-]}). */
    private static final String SAFE_PUNCTUATION = "_@%+=:,./-";

    private ShellQuote() {
    }

    /**
     * Quotes one word for a POSIX shell. Safe words are returned as they are; others are wrapped in
     * single quotes, with each embedded single quote written as {@code '\''}.
     *
     * @param word any string (may be empty; must not contain NUL, which no shell word can hold)
     * @return the quoted word
     * @throws IllegalArgumentException if the word contains a NUL character
     */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell word cannot contain a NUL character");
        }
        if (!word.isEmpty() && safe(word)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean safe(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || SAFE_PUNCTUATION.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quotes every word and joins them with spaces: a command line whose words a POSIX shell reads
     * back exactly.
     *
     * @param words program and arguments
     * @return the command line
     */
    public static String command(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }

    /** Varargs form of {@link #command(List)}. */
    public static String command(String... words) {
        return command(List.of(words));
    }
}
