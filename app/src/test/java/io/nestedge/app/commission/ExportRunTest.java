package io.nestedge.app.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One export at a time: a cancelled export keeps Export disabled ("Cancelling…") until its thread has ended. */
class ExportRunTest {
    /** A slow export stand-in: works until cancelled, then takes its time to remove what it started. */
    private static final class SlowExport implements Runnable {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch sawCancel = new CountDownLatch(1);
        final CountDownLatch windDown = new CountDownLatch(1);
        final ExportRun run;

        SlowExport(ExportRun run) {
            this.run = run;
        }

        @Override
        public void run() {
            started.countDown();
            try {
                while (!run.isCancelRequested()) {
                    Thread.sleep(5); // "writing files", polling between them as BundleExport does
                }
                sawCancel.countDown();
                windDown.await(); // removing the half-written folder
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aSecondExportCannotStartUntilTheCancelledOnesThreadHasEnded() throws Exception {
        ExportRun run = new ExportRun(Runnable::run);
        assertThat(run.busy().get()).isFalse();
        assertThat(run.buttonText().get()).isEqualTo("Export");
        SlowExport first = new SlowExport(run);
        assertThat(run.start(first)).isTrue();
        assertThat(first.started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.stateProperty().get()).isEqualTo(ExportRun.State.RUNNING);
        assertThat(run.buttonText().get()).isEqualTo("Exporting…");

        assertThat(run.cancel()).isTrue();
        assertThat(first.sawCancel.await(10, TimeUnit.SECONDS)).isTrue();
        // the first export is still winding down: Export stays disabled and a second start is refused
        assertThat(run.stateProperty().get()).isEqualTo(ExportRun.State.CANCELLING);
        assertThat(run.busy().get()).isTrue();
        assertThat(run.buttonText().get()).isEqualTo("Cancelling…");
        AtomicInteger secondRan = new AtomicInteger();
        assertThat(run.start(secondRan::incrementAndGet)).as("second export while the first winds down").isFalse();
        assertThat(run.isAlive()).isTrue();

        first.windDown.countDown();
        run.join(10_000);
        assertThat(run.isAlive()).isFalse();
        assertThat(run.stateProperty().get()).isEqualTo(ExportRun.State.IDLE);
        assertThat(run.busy().get()).isFalse();
        assertThat(run.buttonText().get()).isEqualTo("Export");
        assertThat(secondRan.get()).as("the refused export never ran").isZero();

        CountDownLatch secondDone = new CountDownLatch(1);
        assertThat(run.start(() -> {
            secondRan.incrementAndGet();
            secondDone.countDown();
        })).isTrue();
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        run.join(10_000);
        assertThat(secondRan.get()).isEqualTo(1);
        assertThat(run.isCancelRequested()).as("a new export starts uncancelled").isFalse();
    }

    @Test
    void cancelWithoutAnExportDoesNothing() {
        ExportRun run = new ExportRun(Runnable::run);
        assertThat(run.cancel()).isFalse();
        assertThat(run.stateProperty().get()).isEqualTo(ExportRun.State.IDLE);
    }
}
