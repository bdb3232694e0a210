package io.nestedge.commissioning.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the device-output samples copied into test resources. */
public final class Samples {
    private Samples() {
    }

    /** The whole sample file. */
    public static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/device-output/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The s_client sample holds three outputs separated by '#' comment lines. */
    public static List<String> sClientFragments() {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : read("openssl-s-client-parent.txt").split("\n", -1)) {
            if (line.startsWith("#")) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(line).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** One block of the config-apply sample: what was printed and the exit code. */
    public record ApplyBlock(String output, int exitCode) {
    }

    /** The config-apply sample's blocks ("$ command", output, "exit N"). */
    public static List<ApplyBlock> applyBlocks() {
        List<ApplyBlock> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : read("config-apply-failures.txt").split("\n", -1)) {
            if (line.startsWith("$ ")) {
                cur = new StringBuilder();
            } else if (line.startsWith("exit ") && cur != null) {
                out.add(new ApplyBlock(cur.toString(), Integer.parseInt(line.substring(5).strip())));
                cur = null;
            } else if (cur != null) {
                cur.append(line).append('\n');
            }
        }
        return out;
    }
}
