package io.nestedge.commissioning.virtualplant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real-shape samples (copied from shared/samples/device-output into test resources). */
final class Samples {
    private Samples() {
    }

    static String read(String name) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream("/device-output/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One block of config-apply-failures.txt. @param output what was printed @param exit exit code */
    record Block(String command, String output, int exit) {
    }

    /** Blocks of config-apply-failures.txt: "$ command", output lines, "exit N". */
    static List<Block> applyBlocks() throws IOException {
        List<Block> out = new ArrayList<>();
        String cmd = null;
        StringBuilder body = new StringBuilder();
        for (String line : read("config-apply-failures.txt").split("\n")) {
            if (line.startsWith("$ ")) {
                cmd = line.substring(2);
                body.setLength(0);
            } else if (cmd != null && line.matches("exit \\d+")) {
                out.add(new Block(cmd, body.toString(), Integer.parseInt(line.substring(5))));
                cmd = null;
            } else if (cmd != null) {
                body.append(line).append('\n');
            }
        }
        return out;
    }
}
