package io.nestedge.model.io;

/**
 * Checks that text read from a file can be written back as UTF-8: a JSON or YAML escape such as
 * {@code \uD800} yields an unpaired UTF-16 surrogate, which no UTF-8 file can hold (it would be saved
 * as '?', silently changing the plant).
 */
public final class UnicodeText {
    private UnicodeText() {
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1 when the text is well-formed. */
    public static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The problem sentence for an {@link InputException} about such text. */
    public static String problem() {
        return "text with an unpaired UTF-16 surrogate (an escape in \\uD800-\\uDFFF without its pair); it cannot be "
                + "saved as UTF-8.";
    }

    /** The fix sentence for an {@link InputException} about such text. */
    public static String fix() {
        return "Remove the escape or write the complete character.";
    }
}
