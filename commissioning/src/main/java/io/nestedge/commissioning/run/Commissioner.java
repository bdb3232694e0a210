package io.nestedge.commissioning.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes device jobs top layer first: a device starts only after its parent (when the parent is
 * part of the run) succeeded; devices whose parents are done run in parallel, at most
 * {@code parallel} at a time. A failed device stops there and its descendants are skipped. Steps
 * recorded as succeeded in a previous run's journal are not run again (unless they ask to be).
 * Thread-safe; one {@link #run} per instance.
 */
public final class Commissioner {
    private final int parallel;
    private final RunListener listener;
    private final Set<String> alreadyDone;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ExecutorService pool;

    /**
     * @param parallel maximum devices worked on at once (at least 1; default 8 in the CLI)
     * @param listener receives every event (use a composite for journal + UI)
     * @param alreadyDone keys {@code device/step} that succeeded in a previous run ({@link Journal#succeededSteps})
     */
    public Commissioner(int parallel, RunListener listener, Set<String> alreadyDone) {
        this.parallel = Math.max(1, parallel);
        this.listener = listener == null ? RunListener.NONE : listener;
        this.alreadyDone = alreadyDone == null ? Set.of() : Set.copyOf(alreadyDone);
    }

    /** Cancels the run: steps running now are interrupted, devices not started end CANCELLED. */
    public void cancel() {
        cancelled.set(true);
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs the jobs and waits for all of them.
     *
     * @param jobs one job per device (device IDs unique)
     * @return the report, outcomes in the order of {@code jobs}
     * @throws IllegalArgumentException on duplicate device IDs
     */
    public RunReport run(List<DeviceJob> jobs) {
        Instant start = Instant.now();
        Map<String, DeviceJob> byId = new LinkedHashMap<>();
        for (DeviceJob j : jobs) {
            if (byId.put(j.deviceId(), j) != null) {
                throw new IllegalArgumentException("device " + j.deviceId() + " appears twice in the run");
            }
        }
        Map<String, List<DeviceJob>> children = new HashMap<>();
        List<DeviceJob> roots = new ArrayList<>();
        for (DeviceJob j : jobs) {
            if (!j.parentId().isEmpty() && byId.containsKey(j.parentId())) {
                children.computeIfAbsent(j.parentId(), k -> new ArrayList<>()).add(j);
            } else {
                roots.add(j);
            }
        }
        Map<String, DeviceOutcome> outcomes = new ConcurrentHashMap<>();
        CountDownLatch latch = new CountDownLatch(jobs.size());
        pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "commission-worker");
            t.setDaemon(true);
            return t;
        });
        Scheduler s = new Scheduler(children, outcomes, latch);
        for (DeviceJob r : roots) {
            s.submit(r);
        }
        // Jobs in a parent cycle are never reachable from a root.
        Set<String> reachable = new java.util.HashSet<>();
        ArrayList<DeviceJob> stack = new ArrayList<>(roots);
        while (!stack.isEmpty()) {
            DeviceJob j = stack.remove(stack.size() - 1);
            if (reachable.add(j.deviceId())) {
                stack.addAll(children.getOrDefault(j.deviceId(), List.of()));
            }
        }
        for (DeviceJob j : jobs) {
            if (!reachable.contains(j.deviceId())) {
                s.finish(j.deviceId(), new DeviceOutcome(j.deviceId(), StepStatus.SKIPPED,
                        "not started: its parent chain loops back to itself", List.of()));
            }
        }
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
        pool.shutdownNow();
        List<DeviceOutcome> ordered = new ArrayList<>();
        for (DeviceJob j : jobs) {
            ordered.add(outcomes.get(j.deviceId()));
        }
        RunReport report = new RunReport(ordered, Duration.between(start, Instant.now()), cancelled.get());
        emit(new RunEvent.RunFinished(Instant.now(), "", report));
        return report;
    }

    private void emit(RunEvent e) {
        try {
            listener.onEvent(e);
        } catch (RuntimeException ignored) {
            // A broken listener must not break the run.
        }
    }

    /** Submission, completion and propagation to children. */
    private final class Scheduler {
        private final Map<String, List<DeviceJob>> children;
        private final Map<String, DeviceOutcome> outcomes;
        private final CountDownLatch latch;

        Scheduler(Map<String, List<DeviceJob>> children, Map<String, DeviceOutcome> outcomes, CountDownLatch latch) {
            this.children = children;
            this.outcomes = outcomes;
            this.latch = latch;
        }

        void submit(DeviceJob job) {
            if (cancelled.get()) {
                finish(job.deviceId(), new DeviceOutcome(job.deviceId(), StepStatus.CANCELLED, "run cancelled", List.of()));
                return;
            }
            try {
                pool.execute(() -> finish(job.deviceId(), runDevice(job)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                finish(job.deviceId(), new DeviceOutcome(job.deviceId(), StepStatus.CANCELLED, "run cancelled", List.of()));
            }
        }

        void finish(String deviceId, DeviceOutcome outcome) {
            if (outcomes.putIfAbsent(deviceId, outcome) != null) {
                return;
            }
            emit(new RunEvent.DeviceFinished(Instant.now(), deviceId, outcome.status(), outcome.summary()));
            latch.countDown();
            for (DeviceJob child : children.getOrDefault(deviceId, List.of())) {
                if (outcome.status().succeeded()) {
                    submit(child);
                } else {
                    StepStatus st = outcome.status() == StepStatus.CANCELLED ? StepStatus.CANCELLED : StepStatus.SKIPPED;
                    finish(child.deviceId(), new DeviceOutcome(child.deviceId(), st,
                            "not started: parent " + deviceId + " " + outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                            List.of()));
                }
            }
        }
    }

    private DeviceOutcome runDevice(DeviceJob job) {
        DeviceOutcome o = runSteps(job);
        if (job.cleanup() == null) {
            return o;
        }
        StepTask c = job.cleanup();
        StepResult r;
        try {
            r = c.execute(new Ctx(job.deviceId(), c.id()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = new StepResult(StepStatus.WARNING, c.title() + " interrupted", "", List.of());
        } catch (Exception e) {
            r = new StepResult(StepStatus.WARNING, c.title() + " failed: " + e.getMessage(), String.valueOf(e), List.of());
        }
        if (r == null) {
            r = StepResult.ok("", "");
        } else if (!r.status().succeeded()) {
            r = new StepResult(StepStatus.WARNING, r.summary(), r.output(), r.remarks());
        }
        emit(new RunEvent.StepFinished(Instant.now(), job.deviceId(), c.id(), c.title(), r, false));
        List<DeviceOutcome.FinishedStep> steps = new ArrayList<>(o.steps());
        steps.add(new DeviceOutcome.FinishedStep(c.id(), c.title(), r));
        StepStatus st = o.status().worst(r.status());
        return new DeviceOutcome(o.deviceId(), st, st != o.status() ? r.summary() : o.summary(), steps);
    }

    private DeviceOutcome runSteps(DeviceJob job) {
        String id = job.deviceId();
        emit(new RunEvent.DeviceStarted(Instant.now(), id));
        List<DeviceOutcome.FinishedStep> done = new ArrayList<>();
        StepStatus worst = StepStatus.OK;
        String summary = "";
        for (StepTask step : job.steps()) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                return new DeviceOutcome(id, StepStatus.CANCELLED, "cancelled before " + step.title(), done);
            }
            if (alreadyDone.contains(id + "/" + step.id()) && !step.rerunOnResume()) {
                StepResult r = StepResult.ok("done in a previous run (journal)", "");
                done.add(new DeviceOutcome.FinishedStep(step.id(), step.title(), r));
                emit(new RunEvent.StepFinished(Instant.now(), id, step.id(), step.title(), r, true));
                continue;
            }
            emit(new RunEvent.StepStarted(Instant.now(), id, step.id(), step.title()));
            StepResult r;
            try {
                r = step.execute(new Ctx(id, step.id()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = new StepResult(StepStatus.CANCELLED, "interrupted", "", List.of());
            } catch (Exception e) {
                r = StepResult.failed(step.title() + " failed: " + e.getMessage(), String.valueOf(e), List.of());
            }
            if (r == null) {
                r = StepResult.failed(step.title() + " returned no result", "", List.of());
            }
            if (cancelled.get() && r.status() == StepStatus.FAILED) {
                r = new StepResult(StepStatus.CANCELLED, "cancelled: " + r.summary(), r.output(), r.remarks());
            }
            done.add(new DeviceOutcome.FinishedStep(step.id(), step.title(), r));
            emit(new RunEvent.StepFinished(Instant.now(), id, step.id(), step.title(), r, false));
            if (r.status() != StepStatus.OK && worst.worst(r.status()) != worst) {
                summary = r.summary();
            }
            worst = worst.worst(r.status());
            if (!r.status().succeeded() && r.status() != StepStatus.SKIPPED) {
                return new DeviceOutcome(id, worst, r.summary(), done);
            }
        }
        return new DeviceOutcome(id, worst, summary.isEmpty() ? "commissioned" : summary, done);
    }

    private final class Ctx implements StepContext {
        private final String deviceId;
        private final String stepId;

        Ctx(String deviceId, String stepId) {
            this.deviceId = deviceId;
            this.stepId = stepId;
        }

        @Override
        public String deviceId() {
            return deviceId;
        }

        @Override
        public void output(String text) {
            emit(new RunEvent.StepOutput(Instant.now(), deviceId, stepId, text));
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
