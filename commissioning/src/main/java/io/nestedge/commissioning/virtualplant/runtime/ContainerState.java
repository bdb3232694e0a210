package io.nestedge.commissioning.virtualplant.runtime;

import java.util.List;

/**
 * One emulated container, as the emulated engine remembers it (its environment is frozen at
 * creation, as Docker's is: facts §6, field case F12).
 *
 * @param name container name (edgeAgent, edgeHub)
 * @param id 64 hex digits
 * @param image image reference
 * @param env environment at creation, "KEY=value"
 * @param createdAt creation time, epoch milliseconds
 * @param status running | stopped | failed
 * @param startedAt last start, epoch ms
 * @param finishedAt last exit, epoch ms (0 while running)
 * @param exitCode last exit code
 * @param logs log lines (newest last), e.g. why edgeHub could not start
 */
public record ContainerState(String name, String id, String image, List<String> env, long createdAt, String status,
        long startedAt, long finishedAt, int exitCode, List<String> logs) {

    /** Normalises nulls. */
    public ContainerState {
        env = env == null ? List.of() : List.copyOf(env);
        logs = logs == null ? List.of() : List.copyOf(logs);
        status = status == null ? "stopped" : status;
    }

    /** The value of an environment variable, or null. */
    public String envValue(String key) {
        for (String e : env) {
            if (e.startsWith(key + "=")) {
                return e.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** Copy marked running since {@code now}. */
    public ContainerState running(long now) {
        return new ContainerState(name, id, image, env, createdAt, "running", now, 0, 0, logs);
    }

    /** Copy marked failed at {@code now} with an exit code and log lines appended. */
    public ContainerState failed(long now, int code, List<String> newLogs) {
        List<String> l = new java.util.ArrayList<>(logs);
        l.addAll(newLogs);
        while (l.size() > 200) {
            l.remove(0);
        }
        return new ContainerState(name, id, image, env, createdAt, "failed", startedAt, now, code, l);
    }

    /** Copy marked stopped at {@code now}. */
    public ContainerState stopped(long now) {
        return new ContainerState(name, id, image, env, createdAt, "stopped", startedAt, now, 0, logs);
    }

    /** Docker's short container hostname (first 12 hex digits of the ID). */
    public String shortId() {
        return id.substring(0, 12);
    }
}
