package io.nestedge.model.shell;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one quoting function every remote command goes through (architecture.md, "plan"). A quoted
 * word is read back by a POSIX shell as exactly the original string, whatever it contains: device
 * IDs, hostnames and paths can never break out of their word.
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

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
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
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
