package io.nestedge.app.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits in GUI tests for what the app does later than the event that caused it: work handed to
 * {@code Platform.runLater} (by a background thread or by the app itself), CSS and layout (done in the
 * next pulse), animation timers. A fixed number of {@link WaitForAsyncUtils#waitForFxEvents()} only
 * covers a few queue round trips of about 10 ms each, which a loaded CI machine outruns; these
 * helpers wait for the condition itself, with a timeout.
 *
 * <p>The condition is evaluated on the FX thread, so it never sees half of a {@code runLater}
 * block. On timeout the helpers return {@code false} rather than throw: the assertion that follows
 * reports what the state is instead of "timed out".
 */
public final class FxAwait {
    /** Default timeout of {@link #until(BooleanSupplier)}: generous, only a failing test waits this long. */
    public static final long DEFAULT_SECONDS = 20;

    private FxAwait() {
    }

    /**
     * Waits until the condition holds (at most {@link #DEFAULT_SECONDS}), then lets pending FX events run.
     *
     * @param condition read on the FX thread
     * @return true when it held, false on timeout
     */
    public static boolean until(BooleanSupplier condition) {
        return until(DEFAULT_SECONDS, condition);
    }

    /**
     * Waits until the condition holds, then lets pending FX events run.
     *
     * @param seconds timeout in seconds
     * @param condition read on the FX thread
     * @return true when it held, false on timeout
     */
    public static boolean until(long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            return false;
        }
        WaitForAsyncUtils.waitForFxEvents();
        return true;
    }

    /**
     * Waits until the FX thread has run {@code n} complete pulses (CSS, layout, animation timers)
     * from now: for state the app only updates in a pulse and that no property announces.
     *
     * @param n pulses, at least 1
     */
    public static void pulses(int n) {
        int[] seen = new int[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    seen[0]++;
                }
            };
            timer[0].start();
        });
        // handle() runs at the start of a pulse: n + 1 calls mean n pulses completed after the first call.
        boolean done = until(() -> seen[0] > n);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> timer[0].stop());
        if (!done) {
            throw new AssertionError("the FX thread ran no " + n + " pulses in " + DEFAULT_SECONDS + " s");
        }
    }

    private static boolean onFx(BooleanSupplier condition) throws InterruptedException, ExecutionException, TimeoutException {
        if (Platform.isFxApplicationThread()) {
            return holds(condition);
        }
        return WaitForAsyncUtils.asyncFx(() -> holds(condition)).get(10, TimeUnit.SECONDS);
    }

    /** A condition that throws (e.g. a node not created yet) does not hold yet. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
