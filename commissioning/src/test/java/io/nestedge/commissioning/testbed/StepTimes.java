package io.nestedge.commissioning.testbed;

import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Profiling aid for the benchmark: a {@link RunListener} that records when each device and each
 * step started and finished, and prints per step the count, mean, max and summed wall time, and
 * per device its wall time and the time it waited for its parent. Thread-safe.
 */
public final class StepTimes implements RunListener {
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Duration> steps = new ConcurrentHashMap<>();
    private final Map<String, Instant> deviceStart = new ConcurrentHashMap<>();
    private final Map<String, Instant> deviceEnd = new ConcurrentHashMap<>();
    private final List<String> stepOrder = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Instant runStart = Instant.now();

    /** Marks the run's start (the first device start otherwise). */
    public void markStart() {
        runStart = Instant.now();
    }

    @Override
    public void onEvent(RunEvent e) {
        if (e instanceof RunEvent.DeviceStarted s) {
            deviceStart.put(s.deviceId(), s.at());
        } else if (e instanceof RunEvent.DeviceFinished f) {
            deviceEnd.put(f.deviceId(), f.at());
        } else if (e instanceof RunEvent.StepStarted s) {
            started.put(s.deviceId() + "/" + s.stepId(), s.at());
            synchronized (stepOrder) {
                if (!stepOrder.contains(s.stepId())) {
                    stepOrder.add(s.stepId());
                }
            }
        } else if (e instanceof RunEvent.StepFinished f) {
            Instant s = started.get(f.deviceId() + "/" + f.stepId());
            if (s != null) {
                steps.put(f.deviceId() + "/" + f.stepId(), Duration.between(s, f.at()));
            }
        }
    }

    /** @return a table: one line per step (n, mean, max, sum in ms), then device totals */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-20s %4s %8s %8s %9s%n", "step", "n", "mean ms", "max ms", "sum ms"));
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        synchronized (stepOrder) {
            stepOrder.forEach(s -> byStep.put(s, new ArrayList<>()));
        }
        steps.forEach((k, d) -> byStep.computeIfAbsent(k.substring(k.indexOf('/') + 1), x -> new ArrayList<>()).add(d.toMillis()));
        long all = 0;
        for (var e : byStep.entrySet()) {
            List<Long> v = e.getValue();
            long sum = v.stream().mapToLong(Long::longValue).sum();
            all += sum;
            b.append(String.format(Locale.ROOT, "%-20s %4d %8d %8d %9d%n", e.getKey(), v.size(),
                    v.isEmpty() ? 0 : sum / v.size(), v.stream().mapToLong(Long::longValue).max().orElse(0), sum));
        }
        b.append(String.format(Locale.ROOT, "%-20s %4s %8s %8s %9d%n", "all steps", "", "", "", all));
        List<Long> walls = new ArrayList<>();
        deviceStart.forEach((id, s) -> {
            Instant end = deviceEnd.get(id);
            if (end != null) {
                walls.add(Duration.between(s, end).toMillis());
            }
        });
        long lastStart = deviceStart.values().stream().mapToLong(i -> Duration.between(runStart, i).toMillis()).max().orElse(0);
        b.append(String.format(Locale.ROOT, "devices: %d, wall per device mean %d ms, max %d ms; last device started %d ms"
                + " after the run%n", walls.size(), walls.isEmpty() ? 0 : walls.stream().mapToLong(Long::longValue).sum() / walls.size(),
                walls.stream().mapToLong(Long::longValue).max().orElse(0), lastStart));
        return b.toString();
    }
}
