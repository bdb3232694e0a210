package io.nestedge.model.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command line in tests. Pass phrases go through the environment. */
final class OpenSsl {
    /** Exit code and merged stdout+stderr. */
    record Result(int exit, String output) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("openssl failed (" + exit + "):\n" + output);
            }
            return this;
        }
    }

    private OpenSsl() {
    }

    static Result run(Path dir, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl timed out: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), null, args);
    }

    /** Runs with {@code PASS} in the environment (use {@code -passin env:PASS} / {@code -passout env:PASS}). */
    static Result withPass(Path dir, String pass, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of("PASS", pass), null, args);
    }
}
