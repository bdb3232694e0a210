package io.nestedge.app.ui;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.layout.AutoLayout;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.stage.Stage;

/**
 * Benchmark (a main, excluded from surefire): opens a generated plant of about 2,000 devices in the
 * real designer window, runs ELK auto-layout, then measures frame intervals (from scene pulse
 * listeners) while panning and while dragging 20 selected devices, then panning across the dense lane
 * at 100 % (nodes created and dropped as they scroll by) and dragging one device there. Prints p50/p95
 * frame intervals in milliseconds, and the CPU time per frame of the FX and render threads (a figure
 * that other processes on a shared machine hardly change). Run under Xvfb ({@code -Dprism.order=sw})
 * or Monocle headless, with the designer launchers' JVM options ({@code -XX:TieredStopAtLevel=1}, ADR 1330; the first
 * line says whether they are in effect). {@code -Dbench.coldLayout=true} times ELK in a cold JVM instead of after the
 * designer's background warm-up. {@code -Dbench.phases=true} prints each phase's epoch-ms window (to cut a JFR
 * recording); {@code -Dbench.shots=DIR} saves a screenshot of the 100 % scenarios.
 */
public final class DesignerBenchmark {
    private DesignerBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: edge device count, leaf count (default 1200 and 800)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int edges = args.length > 0 ? Integer.parseInt(args[0]) : 1200;
        int leaves = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        Plant plant = SamplePlants.generate(edges, leaves);
        Path dir = Files.createTempDirectory("nestedge-bench");
        Path file = dir.resolve("plant.json");
        PlantFile.write(plant, file);
        System.out.printf("plant: %d devices, file %d KiB%n", plant.size(), Files.size(file) / 1024);
        String tier = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel").getValue();
        System.out.printf("JVM options %s; JIT TieredStopAtLevel=%s (%s)%n",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), tier,
                "1".equals(tier) ? "C1 only, as the designer's launchers run it (ADR 1330)"
                        : "NOT as the designer's launchers run it: add -XX:TieredStopAtLevel=1 (ADR 1330)");

        // The designer warms ELK up in the background 3 s after its window shows (ADR 1320);
        // -Dbench.coldLayout=true measures the first layout of a cold JVM instead.
        boolean cold = Boolean.getBoolean("bench.coldLayout");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!cold) {
            long w0 = System.nanoTime();
            long wc0 = threads.getCurrentThreadCpuTime();
            AutoLayout.warmUp();
            System.out.printf("ELK warm-up (100 devices, as the designer does in the background after start): %.0f ms, CPU %.0f ms%n",
                    (System.nanoTime() - w0) / 1e6, (threads.getCurrentThreadCpuTime() - wc0) / 1e6);
        }
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        Map<String, Position> layout = AutoLayout.compute(plant, () -> false);
        System.out.printf("ELK auto-layout (off the FX thread, %s): %.0f ms, CPU %.0f ms%n", cold ? "cold JVM" : "after the warm-up",
                (System.nanoTime() - t0) / 1e6, (threads.getCurrentThreadCpuTime() - c0) / 1e6);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainWindow[] w = new MainWindow[1];
        long[] openMs = new long[1];
        fx(() -> {
            long s = System.nanoTime();
            Preferences prefs = Preferences.userRoot().node("io/nestedge/studio-benchmark");
            prefs.putDouble("window.w", 1400);
            prefs.putDouble("window.h", 900);
            w[0] = new MainWindow(new Stage(), new DesignerModel(), prefs, new RecoveryStore(dir.resolve("rec")));
            w[0].show(null);
            System.out.printf("window (cold JVM: build, theme, show, empty plant): %d ms%n", (System.nanoTime() - s) / 1_000_000);
        });
        System.out.printf("  first frame of the empty window: +%d ms%n", untilNextPulse(w[0]));
        long openCpu0 = cpu(fxThread());
        fx(() -> {
            long s = System.nanoTime();
            w[0].files().openFile(file);
            w[0].canvas().fit();
            openMs[0] = (System.nanoTime() - s) / 1_000_000;
        });
        long firstFrame = untilNextPulse(w[0]);
        long openCpu = (cpu(fxThread()) - openCpu0) / 1_000_000;
        System.out.printf("open %d devices in the designer (read, validate, build nodes): %d ms; to the first laid-out frame: %d ms"
                + " (goal open + layout <= 2000 ms: %.2fx); device nodes %d, link curves %d%n", plant.size(), openMs[0],
                openMs[0] + firstFrame, (openMs[0] + firstFrame) / 2000.0, w[0].canvas().nodeCount(), w[0].canvas().linkCount());
        System.out.printf("  FX thread CPU for open + first frame: %d ms%n", openCpu);
        long[] applyMs = new long[1];
        long applyCpu0 = cpu(fxThread());
        fx(() -> {
            long s = System.nanoTime();
            w[0].model().execute(Commands.layout(layout));
            applyMs[0] = (System.nanoTime() - s) / 1_000_000;
        });
        System.out.printf("apply layout command (plant copy, validate, re-place %d nodes): %d ms (+%d ms to the next frame)%n",
                plant.size(), applyMs[0], untilNextPulse(w[0]));
        System.out.printf("  FX thread CPU for the layout command + next frame: %d ms%n", (cpu(fxThread()) - applyCpu0) / 1_000_000);
        fx(() -> w[0].canvas().fit());
        FxHarness.settle();
        shot(w[0], "layout-fit");
        // 100 %, top-left of the laid-out plant (where its devices are)
        fx(() -> {
            w[0].canvas().viewportProperty().set(io.nestedge.app.editor.Viewport.DEFAULT);
            w[0].canvas().reveal(w[0].model().plant().devices().stream().filter(d -> d.layerId().equals("L3")).findFirst()
                    .orElseThrow().id());
        });
        Thread.sleep(500);
        shot(w[0], "pan-100");

        List<Double> pan = measure(w[0], 120, frame -> w[0].canvas().viewportProperty()
                .set(w[0].canvas().viewportProperty().get().panBy(frame % 60 < 30 ? -8 : 8, frame % 40 < 20 ? -3 : 3)));
        report("pan (zoom 100 %)", pan);
        System.out.printf("  device nodes %d, link curves %d at 100 %%%n", w[0].canvas().nodeCount(), w[0].canvas().linkCount());
        fx(() -> w[0].canvas().fit());
        System.out.printf("fit: zoom %.2f, overview %s, device nodes %d%n", w[0].canvas().viewportProperty().get().zoom(),
                w[0].canvas().isOverview(), w[0].canvas().nodeCount());
        List<Double> panFit = measure(w[0], 120, frame -> w[0].canvas().viewportProperty()
                .set(w[0].canvas().viewportProperty().get().panBy(frame % 60 < 30 ? -4 : 4, 0)));
        report("pan (fit: all devices visible)", panFit);

        // drag 20 devices with real mouse events dispatched to the canvas (MoveGesture)
        fx(() -> {
            w[0].canvas().viewportProperty().set(new io.nestedge.app.editor.Viewport(1, 0, 0));
            List<String> ids = w[0].model().plant().devices().stream().filter(d -> d.layerId().equals("L3")).limit(20)
                    .map(d -> d.id()).toList();
            w[0].model().select(ids);
        });
        String lead = w[0].model().selection().iterator().next();
        Position at = LaneGeometry.of(w[0].model().plant()).position(lead).orElseThrow();
        double[] xy = new double[2];
        fx(() -> {
            w[0].canvas().viewportProperty().set(new io.nestedge.app.editor.Viewport(1, 300 - at.x(), 300 - at.y()));
            var node = w[0].canvas().deviceNode(lead).orElseThrow();
            Point2D p = node.localToScene(40, 30);
            xy[0] = p.getX();
            xy[1] = p.getY();
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_PRESSED, xy[0], xy[1], node));
        });
        List<Double> drag = measure(w[0], 120, frame -> {
            var node = w[0].canvas().deviceNode(lead).orElseThrow();
            double dx = (frame % 60 < 30 ? frame % 30 : 30 - frame % 30) * 4;
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_DRAGGED, xy[0] + dx + 5, xy[1] + dx / 3, node));
        });
        fx(() -> Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_RELEASED, xy[0] + 60, xy[1] + 20,
                w[0].canvas().deviceNode(lead).orElseThrow())));
        report("drag 20 devices", drag);
        List<Double> dragFit = new ArrayList<>();
        fx(() -> w[0].canvas().fit());
        double[] fxy = new double[2];
        fx(() -> {
            // keep the fit zoom, scroll the lead device into view (a user drags what they see): JavaFX repaints
            // the whole window on a pulse whose only changes are off screen (no dirty region), so a drag of
            // devices that are all off screen would measure that instead
            var f = w[0].canvas().viewportProperty().get();
            w[0].canvas().viewportProperty().set(new io.nestedge.app.editor.Viewport(f.zoom(),
                    w[0].canvas().getWidth() / 3 - (at.x() + 60) * f.zoom(), f.ty()));
            var v = w[0].canvas().viewportProperty().get();
            Point2D p = w[0].canvas().localToScene(v.toScreenX(at.x() + 60 + 124), v.toScreenY(at.y() + 20 + 44));
            fxy[0] = p.getX();
            fxy[1] = p.getY();
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_PRESSED, fxy[0], fxy[1], w[0].canvas()));
        });
        dragFit.addAll(measure(w[0], 120, frame -> {
            double dx = (frame % 60 < 30 ? frame % 30 : 30 - frame % 30) * 2;
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_DRAGGED, fxy[0] + dx + 5, fxy[1] + dx / 3, w[0].canvas()));
        }));
        fx(() -> Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_RELEASED, fxy[0] + 5, fxy[1], w[0].canvas())));
        report("drag 20 devices (fit, overview)", dragFit);

        // The dense lane at 100 %: L2 holds nearly all devices, so a pan there creates and drops nodes
        // every few frames (the scenarios above see one or two nodes at 100 %).
        String dense = w[0].model().plant().devices().stream().filter(d -> d.layerId().equals("L2"))
                .skip(w[0].model().plant().size() / 3).findFirst().orElseThrow().id();
        fx(() -> {
            w[0].model().select(List.of());
            w[0].canvas().viewportProperty().set(io.nestedge.app.editor.Viewport.DEFAULT);
            w[0].canvas().reveal(dense);
        });
        FxHarness.settle();
        shot(w[0], "dense-lane");
        System.out.printf("dense lane at 100 %%: device nodes %d, link curves %d%n", w[0].canvas().nodeCount(),
                w[0].canvas().linkCount());
        List<Double> panDense = measure(w[0], 120, frame -> w[0].canvas().viewportProperty()
                .set(w[0].canvas().viewportProperty().get().panBy(frame < 60 ? -14 : 14, frame % 40 < 20 ? -2 : 2)));
        report("pan (100 %, dense lane)", panDense);
        double[] dxy = new double[2];
        fx(() -> {
            var node = w[0].canvas().deviceNode(dense).orElseThrow();
            Point2D p = node.localToScene(120, 40);
            dxy[0] = p.getX();
            dxy[1] = p.getY();
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_PRESSED, dxy[0], dxy[1], node));
        });
        List<Double> dragDense = measure(w[0], 120, frame -> {
            var node = w[0].canvas().deviceNode(dense).orElseThrow();
            double a = frame * Math.PI / 30;
            Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_DRAGGED, dxy[0] + 90 * Math.sin(a) + 5, dxy[1] + 40 * (1 - Math.cos(a)), node));
        });
        fx(() -> Event.fireEvent(w[0].canvas(), mouse(MouseEvent.MOUSE_RELEASED, dxy[0] + 5, dxy[1],
                w[0].canvas().deviceNode(dense).orElseThrow())));
        report("drag 1 device (100 %, dense lane)", dragDense);
        String far = w[0].model().plant().devices().get(w[0].model().plant().size() - 1).id();
        long[] findMs = new long[1];
        fx(() -> {
            long s = System.nanoTime();
            w[0].canvas().reveal(far);
            findMs[0] = (System.nanoTime() - s) / 1_000_000;
        });
        System.out.printf("find a far device (reveal + create its nodes): %d ms (+%d ms to the next frame), node exists: %s%n",
                findMs[0], untilNextPulse(w[0]), w[0].canvas().deviceNode(far).isPresent());
        System.out.printf("undo steps after the drag: %d (%s)%n", w[0].model().commandStack().undoDepth(),
                w[0].model().undoTextProperty().get());
        FxHarness.settle();
        long idleFx = cpu(fxThread());
        long idleRt = cpu(renderThread());
        int[] pulses = {0};
        Runnable count = () -> pulses[0]++;
        fx(() -> w[0].scene().addPreLayoutPulseListener(count));
        Thread.sleep(3000);
        fx(() -> w[0].scene().removePreLayoutPulseListener(count));
        System.out.printf("idle (nothing changes for 3 s): %d pulses; FX thread %.1f ms CPU/s, render thread %.1f ms CPU/s%n",
                pulses[0], (cpu(fxThread()) - idleFx) / 3e6, (cpu(renderThread()) - idleRt) / 3e6);
        fx(() -> w[0].files().shutdown());
        Platform.exit();
    }

    /** Milliseconds until the end of the next pulse's layout pass (CSS and layout done). */
    private static long untilNextPulse(MainWindow w) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[2];
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            t[1] = System.nanoTime();
            w.scene().removePostLayoutPulseListener(self[0]);
            done.countDown();
        };
        fx(() -> {
            t[0] = System.nanoTime();
            w.scene().addPostLayoutPulseListener(self[0]);
            w.scene().getRoot().requestLayout();
        });
        done.await(120, TimeUnit.SECONDS);
        return (t[1] - t[0]) / 1_000_000;
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, javafx.scene.Node target) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                false, false, false, new PickResult(target, x, y));
    }

    private interface Frame {
        void run(int frame);
    }

    private static List<Double> measure(MainWindow w, int frames, Frame step) throws Exception {
        List<Double> intervals = Collections.synchronizedList(new ArrayList<>());
        long fxCpu0 = cpu(fxThread());
        long rtCpu0 = cpu(renderThread());
        CountDownLatch done = new CountDownLatch(1);
        long[] last = {0};
        Runnable pulse = () -> {
            long now = System.nanoTime();
            if (last[0] != 0) {
                intervals.add((now - last[0]) / 1e6);
            }
            last[0] = now;
        };
        fx(() -> {
            w.scene().addPreLayoutPulseListener(pulse);
            new AnimationTimer() {
                private int frame;

                @Override
                public void handle(long now) {
                    step.run(frame++);
                    if (frame > frames) {
                        stop();
                        w.scene().removePreLayoutPulseListener(pulse);
                        done.countDown();
                    }
                }
            }.start();
        });
        long t0 = System.currentTimeMillis();
        done.await(120, TimeUnit.SECONDS);
        if (Boolean.getBoolean("bench.phases")) {
            System.out.printf("  [phase %d..%d epoch ms]%n", t0, System.currentTimeMillis());
        }
        lastCpu = String.format("CPU/frame: FX thread %.1f ms, render thread %.1f ms",
                (cpu(fxThread()) - fxCpu0) / 1e6 / frames, (cpu(renderThread()) - rtCpu0) / 1e6 / frames);
        return intervals;
    }

    private static String lastCpu = "";
    private static long fxThreadId = -1;

    /** The JavaFX application thread's ID. */
    private static long fxThread() throws Exception {
        if (fxThreadId < 0) {
            fx(() -> fxThreadId = Thread.currentThread().getId());
        }
        return fxThreadId;
    }

    /** The Prism render thread's ID (QuantumRenderer), or -1. */
    private static long renderThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** CPU time of a thread in ns (0 when unknown): unlike frame intervals, hardly affected by other processes. */
    private static long cpu(long threadId) {
        long t = threadId < 0 ? -1 : java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
        return Math.max(0, t);
    }

    private static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.println(what + ": no frames");
            return;
        }
        double p50 = s.get(s.size() / 2);
        double p95 = s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1));
        System.out.printf("%-32s frames %3d  p50 %6.1f ms  p95 %6.1f ms  (%.0f fps at p50; p95 / 20 ms goal: %.2fx)%n", what,
                s.size(), p50, p95, 1000 / p50, p95 / 20);
        System.out.printf("  %s%n", lastCpu);
    }

    /** Saves a screenshot when {@code -Dbench.shots=DIR} is set (to see what a scenario draws). */
    private static void shot(MainWindow w, String name) throws Exception {
        String dir = System.getProperty("bench.shots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            FxHarness.shot(w, Path.of(dir, name + ".png"));
        }
    }

    private static void fx(Runnable r) throws Exception {
        FxHarness.run(r, java.time.Duration.ofSeconds(120));
    }
}
