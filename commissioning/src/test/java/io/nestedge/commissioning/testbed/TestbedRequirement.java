package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether the network-namespace test bed can run here, and what to do when it cannot: fail
 * when it is required ({@code CI=true} or {@code NESTEDGE_TESTBED=required}), otherwise skip with the
 * reason. The test bed never silently skips in CI.
 */
public final class TestbedRequirement {
    /** Host programs {@code testbed.sh} and the tests run (apt: see docs/testbed.md). */
    public static final List<String> TOOLS = List.of("ip", "unshare", "nsenter", "flock", "jq", "openssl", "ssh",
            "ssh-keygen", "ssh-keyscan", "sudo", "/usr/sbin/sshd");

    private TestbedRequirement() {
    }

    /**
     * @param env environment variables
     * @return true when a missing test bed must fail the build
     */
    public static boolean required(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", ""))
                || "required".equalsIgnoreCase(env.getOrDefault("NESTEDGE_TESTBED", ""));
    }

    /**
     * Lists why the bed cannot run on this host.
     *
     * @param osName the {@code os.name} system property
     * @param uid the effective user ID, empty if unknown
     * @param onPath tells whether a program name (or absolute path) is an executable here
     * @return the reasons; empty when the bed can run
     */
    public static List<String> missing(String osName, Optional<Integer> uid, Predicate<String> onPath) {
        List<String> reasons = new ArrayList<>();
        if (!osName.toLowerCase().contains("linux")) {
            reasons.add("needs Linux network namespaces (os.name=" + osName + ")");
            return reasons;
        }
        if (uid.isEmpty() || uid.get() != 0) {
            reasons.add("needs root (uid " + uid.map(String::valueOf).orElse("unknown") + ")");
        }
        List<String> tools = TOOLS.stream().filter(onPath.negate()).toList();
        if (!tools.isEmpty()) {
            reasons.add("missing programs " + tools + " (apt-get install openssh-server openssh-client sudo iproute2"
                    + " openssl ca-certificates jq util-linux)");
        }
        return reasons;
    }

    /**
     * Fails (required) or aborts (optional) the calling test when the bed cannot run on this host.
     *
     * @param env environment variables, normally {@code System.getenv()}
     */
    public static void assumeAvailableOrFail(Map<String, String> env) {
        List<String> reasons = missing(System.getProperty("os.name", ""), effectiveUid(), TestbedRequirement::executable);
        if (reasons.isEmpty()) {
            return;
        }
        String why = "network-namespace test bed unavailable: " + String.join("; ", reasons);
        if (required(env)) {
            Assertions.fail(why + " — it is required here (CI=true or NESTEDGE_TESTBED=required). "
                    + "Run as root after installing the packages listed in docs/testbed.md.");
        }
        Assumptions.abort(why + " (skipped; set NESTEDGE_TESTBED=required to make this an error)");
    }

    /** @return the effective UID from /proc/self/status, empty if unreadable */
    static Optional<Integer> effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Optional.of(Integer.parseInt(line.split("\\s+")[2]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static boolean executable(String tool) {
        if (tool.startsWith("/")) {
            return Files.isExecutable(Path.of(tool));
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
