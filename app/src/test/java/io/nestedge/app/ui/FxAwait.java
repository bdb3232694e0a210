package io.nestedge.app.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
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
    public static final long DEFAULT_SECONDS = 30;

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
            StackTraceElement at = StackWalker.getInstance().walk(f -> f.filter(x -> !x.getClassName().equals(FxAwait.class.getName()))
                    .findFirst().map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
            System.err.println("FxAwait: condition still false after " + seconds + " s at " + at);
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

    /**
     * Waits until the window is laid out and every device node on the canvas has its skin (ports,
     * badges and size exist only then): after showing the window, or after a change that re-creates
     * nodes, and before using their screen positions.
     *
     * @param scene the window's scene
     * @return true when settled, false on timeout
     */
    public static boolean settled(Scene scene) {
        return until(() -> scene.getRoot() != null && !scene.getRoot().isNeedsLayout()
                && scene.getRoot().lookupAll(".device-node").stream().allMatch(n -> !(n instanceof Control c) || c.getSkin() != null));
    }

    /**
     * True when the node is in a scene, {@linkplain #shown shown} and laid out with a size: safe to
     * click and to measure. (A parent's needs-layout flag is no guide: virtual flows keep it set on
     * cells they lay out themselves.)
     *
     * @param n a node, may be null
     * @return whether it is laid out
     */
    public static boolean laidOut(Node n) {
        return n != null && n.getScene() != null && shown(n) && n.getLayoutBounds().getWidth() > 0
                && n.getLayoutBounds().getHeight() > 0;
    }

    /**
     * True when the node and all its parents are visible (a virtual flow keeps invisible cells for
     * measuring; they hold text too).
     *
     * @param n a node
     * @return whether it can be seen
     */
    public static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
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
