package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;

/** Splits command output into lines (LF or CRLF), keeping trailing empty lines out. */
final class Lines {
    private Lines() {
    }

    static List<String> of(String output) {
        List<String> lines = new ArrayList<>(List.of(output.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
