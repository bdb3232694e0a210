package io.nestedge.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads pass phrases and passwords for CLI commands: from a file (first line; keep it 0600) or from
 * the terminal without echo. Never from a command-line argument, never logged.
 */
final class Passphrases {
    private Passphrases() {
    }

    /** The shortest new pass phrase accepted, in characters. */
    static final int MIN_NEW_LENGTH = 8;

    /** Thrown when no pass phrase can be had (no file given and no terminal). */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * @param file file holding the pass phrase on its first line, or null to ask on the terminal
     * @param prompt what to ask
     * @param confirm true for a new pass phrase: at least {@link #MIN_NEW_LENGTH} characters (from the
     *     terminal or the file), asked twice on a terminal
     * @param option the option that names a file, for the error message
     * @return the pass phrase (the caller wipes it)
     * @throws Unavailable when there is no file and no terminal, or the two entries differ, or it is empty
     * @throws IOException when the file cannot be read
     */
    static char[] read(Path file, String prompt, boolean confirm, String option) throws Unavailable, IOException {
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Unavailable(file + " (" + option + "): no such file.");
            } catch (IOException e) {
                throw new Unavailable(file + " (" + option + "): cannot read it: " + io.nestedge.model.io.FileErrors.reason(e) + ".");
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")
                    && !java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).endsWith("------")) {
                System.err.println("warning: " + file + " can be read by other users: chmod 600 " + file);
            }
            int nl = text.indexOf('\n');
            char[] p = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "").toCharArray();
            if (p.length == 0) {
                throw new Unavailable(file + " is empty: put the pass phrase on its first line.");
            }
            if (confirm && p.length < MIN_NEW_LENGTH) {
                Arrays.fill(p, '\0');
                throw new Unavailable(file + " (" + option + "): a new pass phrase needs at least " + MIN_NEW_LENGTH
                        + " characters (it protects keys at rest); put a longer one on its first line.");
            }
            return p;
        }
        Console c = System.console();
        if (c == null) {
            throw new Unavailable("no terminal to ask for the " + lowerFirst(prompt)
                    + ": give it in a file with " + option + " FILE (first line, mode 0600).");
        }
        char[] p = c.readPassword("%s: ", prompt);
        if (p == null || p.length == 0) {
            throw new Unavailable("no " + lowerFirst(prompt) + " entered.");
        }
        if (confirm && p.length < MIN_NEW_LENGTH) {
            Arrays.fill(p, '\0');
            throw new Unavailable("a new pass phrase needs at least " + MIN_NEW_LENGTH + " characters.");
        }
        if (confirm) {
            char[] again = c.readPassword("Again: ");
            boolean same = Arrays.equals(p, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(p, '\0');
                throw new Unavailable("the two entries differ.");
            }
        }
        return p;
    }

    /** "Pass phrase of the CA keys" → "pass phrase of the CA keys" (acronyms such as CA, USB, SSH keep their case). */
    static String lowerFirst(String prompt) {
        return prompt.isEmpty() || (prompt.length() > 1 && Character.isUpperCase(prompt.charAt(1))) ? prompt
                : Character.toLowerCase(prompt.charAt(0)) + prompt.substring(1);
    }
}
