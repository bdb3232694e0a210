package io.nestedge.commissioning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommissionerTest {
    @TempDir
    Path dir;

    /** A step that records when it ran and returns a fixed status. */
    private static StepTask step(String id, StepStatus status, List<String> trace, AtomicInteger running,
            AtomicInteger maxRunning) {
        return new StepTask() {
            @Override public String id() { return id; }
            @Override public String title() { return "Step " + id; }
            @Override public StepResult execute(StepContext ctx) throws Exception {
                int now = running.incrementAndGet();
                maxRunning.accumulateAndGet(now, Math::max);
                try {
                    trace.add(ctx.deviceId() + ":" + id);
                    ctx.output("running " + id);
                    Thread.sleep(20);
                    return new StepResult(status, id + " " + status, "out", List.of());
                } finally {
                    running.decrementAndGet();
                }
            }
        };
    }

    @Test
    void parentsRunBeforeChildrenAndParallelismIsBounded() {
        List<String> trace = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<DeviceJob> jobs = new ArrayList<>();
        jobs.add(new DeviceJob("top", "", List.of(step("a", StepStatus.OK, trace, running, max))));
        for (int i = 0; i < 6; i++) {
            jobs.add(new DeviceJob("mid" + i, "top", List.of(step("a", StepStatus.OK, trace, running, max),
                    step("b", StepStatus.OK, trace, running, max))));
            jobs.add(new DeviceJob("leaf" + i, "mid" + i, List.of(step("a", StepStatus.OK, trace, running, max))));
        }
        RunReport report = new Commissioner(3, RunListener.NONE, Set.of()).run(jobs);
        assertThat(report.allSucceeded()).isTrue();
        assertThat(trace.get(0)).isEqualTo("top:a");
        for (int i = 0; i < 6; i++) {
            assertThat(trace.indexOf("mid" + i + ":b")).isLessThan(trace.indexOf("leaf" + i + ":a"));
        }
        assertThat(max.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
        assertThat(report.outcomes()).extracting(DeviceOutcome::deviceId)
                .containsExactlyElementsOf(jobs.stream().map(DeviceJob::deviceId).toList());
    }

    @Test
    void aFailedDeviceStopsAndItsDescendantsAreSkippedWhileSiblingsGoOn() {
        List<String> trace = new CopyOnWriteArrayList<>();
        AtomicInteger r = new AtomicInteger();
        AtomicInteger m = new AtomicInteger();
        List<DeviceJob> jobs = List.of(
                new DeviceJob("top", "", List.of(step("a", StepStatus.OK, trace, r, m))),
                new DeviceJob("bad", "top", List.of(step("a", StepStatus.FAILED, trace, r, m),
                        step("never", StepStatus.OK, trace, r, m))),
                new DeviceJob("good", "top", List.of(step("a", StepStatus.WARNING, trace, r, m))),
                new DeviceJob("child", "bad", List.of(step("a", StepStatus.OK, trace, r, m))),
                new DeviceJob("grandchild", "child", List.of(step("a", StepStatus.OK, trace, r, m))));
        RunReport report = new Commissioner(4, RunListener.NONE, Set.of()).run(jobs);
        assertThat(report.outcome("bad").status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.outcome("bad").steps()).hasSize(1);
        assertThat(report.outcome("good").status()).isEqualTo(StepStatus.WARNING);
        assertThat(report.outcome("child").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(report.outcome("child").summary()).contains("parent bad failed");
        assertThat(report.outcome("grandchild").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(trace).doesNotContain("bad:never", "child:a", "grandchild:a");
        assertThat(report.allSucceeded()).isFalse();
    }

    @Test
    void anExceptionInAStepIsAFailureWithItsMessage() {
        StepTask boom = new StepTask() {
            @Override public String id() { return "boom"; }
            @Override public String title() { return "Boom"; }
            @Override public StepResult execute(StepContext ctx) {
                throw new IllegalStateException("connection reset");
            }
        };
        RunReport report = new Commissioner(1, RunListener.NONE, Set.of()).run(List.of(new DeviceJob("d", "", List.of(boom))));
        assertThat(report.outcome("d").status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.outcome("d").summary()).contains("connection reset");
    }

    @Test
    void journalRecordsStepsAndResumeSkipsWhatSucceeded() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        AtomicInteger r = new AtomicInteger();
        AtomicInteger m = new AtomicInteger();
        Path jf = dir.resolve("run.jsonl");
        List<DeviceJob> first = List.of(new DeviceJob("d", "", List.of(step("upload", StepStatus.OK, trace, r, m),
                step("apply", StepStatus.FAILED, trace, r, m))));
        try (Journal j = Journal.open(jf, "run-1", "plant")) {
            new Commissioner(1, j, Set.of()).run(first);
        }
        assertThat(Files.readAllLines(jf)).hasSize(5); // run-started, 2 steps, device, run
        Set<String> done = Journal.succeededSteps(jf);
        assertThat(done).containsExactly("d/upload");

        trace.clear();
        StepTask check = new StepTask() {
            @Override public String id() { return "upload"; }
            @Override public String title() { return "Upload"; }
            @Override public StepResult execute(StepContext ctx) {
                trace.add("upload-again");
                return StepResult.ok("", "");
            }
        };
        List<DeviceJob> second = List.of(new DeviceJob("d", "", List.of(check, step("apply", StepStatus.OK, trace, r, m))));
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (Journal j = Journal.open(jf, "run-2", "plant")) {
            RunReport rep = new Commissioner(1, e -> { j.onEvent(e); events.add(e); }, done).run(second);
            assertThat(rep.allSucceeded()).isTrue();
        }
        assertThat(trace).containsExactly("d:apply");
        assertThat(events).filteredOn(e -> e instanceof RunEvent.StepFinished f && f.fromJournal()).hasSize(1);
        assertThat(Journal.succeededSteps(jf)).containsExactlyInAnyOrder("d/upload", "d/apply");
    }

    @Test
    void truncatedLastJournalLineIsIgnored() throws Exception {
        Path jf = dir.resolve("cut.jsonl");
        Files.writeString(jf, "{\"event\":\"step-finished\",\"device\":\"d\",\"step\":\"s\",\"status\":\"OK\"}\n{\"event\":\"step-fin");
        assertThat(Journal.succeededSteps(jf)).containsExactly("d/s");
    }

    @Test
    void cancelInterruptsRunningStepsAndCancelsTheRest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StepTask slow = new StepTask() {
            @Override public String id() { return "slow"; }
            @Override public String title() { return "Slow"; }
            @Override public StepResult execute(StepContext ctx) throws Exception {
                started.countDown();
                Thread.sleep(30_000);
                return StepResult.ok("", "");
            }
        };
        Commissioner c = new Commissioner(2, RunListener.NONE, Set.of());
        List<DeviceJob> jobs = List.of(new DeviceJob("top", "", List.of(slow)),
                new DeviceJob("child", "top", List.of(slow)));
        List<RunReport> out = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> out.add(c.run(jobs)));
        t.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        c.cancel();
        t.join(5000);
        assertThat(out).hasSize(1);
        RunReport rep = out.get(0);
        assertThat(rep.cancelled()).isTrue();
        assertThat(rep.outcome("top").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(rep.outcome("child").status()).isEqualTo(StepStatus.CANCELLED);
    }

    /**
     * A cancel interrupts the worker threads; the journal must still record the cancelled step, the
     * devices and {@code run-finished}, and the listener behind it must hear them (the GUI stayed on
     * "Cancelling…" for good when an interrupted write closed the journal's file channel).
     */
    @Test
    void aCancelledRunIsJournalledToTheEndAndTheListenerHearsRunFinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StepTask slow = new StepTask() {
            @Override public String id() { return "slow"; }
            @Override public String title() { return "Slow"; }
            @Override public StepResult execute(StepContext ctx) throws Exception {
                started.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // as the SSH steps do: keep the interrupt
                    return new StepResult(StepStatus.CANCELLED, "interrupted", "", List.of());
                }
                return StepResult.ok("", "");
            }
        };
        Path jf = dir.resolve("journal.jsonl");
        List<RunEvent> heard = new CopyOnWriteArrayList<>();
        List<RunReport> out = Collections.synchronizedList(new ArrayList<>());
        try (Journal journal = Journal.open(jf, "run-1", "plant")) {
            RunListener both = e -> {
                journal.onEvent(e);
                heard.add(e);
            };
            Commissioner c = new Commissioner(2, both, Set.of());
            List<DeviceJob> jobs = List.of(new DeviceJob("top", "", List.of(slow, slow)),
                    new DeviceJob("child", "top", List.of(slow)));
            Thread t = new Thread(() -> out.add(c.run(jobs)));
            t.start();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            c.cancel();
            t.join(10_000);
        }
        assertThat(out).hasSize(1);
        assertThat(heard).anyMatch(e -> e instanceof RunEvent.RunFinished f && f.report().cancelled());
        List<String> lines = Files.readAllLines(jf);
        assertThat(lines).anyMatch(l -> l.contains("\"event\":\"device-finished\"") && l.contains("\"device\":\"top\""));
        assertThat(lines.get(lines.size() - 1)).contains("\"event\":\"run-finished\"").contains("\"cancelled\":true");
    }

    @Test
    void aParentCycleIsReportedNotHung() {
        List<String> trace = new CopyOnWriteArrayList<>();
        AtomicInteger r = new AtomicInteger();
        AtomicInteger m = new AtomicInteger();
        List<DeviceJob> jobs = List.of(
                new DeviceJob("a", "b", List.of(step("x", StepStatus.OK, trace, r, m))),
                new DeviceJob("b", "a", List.of(step("x", StepStatus.OK, trace, r, m))),
                new DeviceJob("c", "", List.of(step("x", StepStatus.OK, trace, r, m))));
        RunReport rep = new Commissioner(2, RunListener.NONE, Set.of()).run(jobs);
        assertThat(rep.outcome("a").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(rep.outcome("a").summary()).contains("loops");
        assertThat(rep.outcome("c").status()).isEqualTo(StepStatus.OK);
    }
}
