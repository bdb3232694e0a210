package io.nestedge.app.commission;

import io.nestedge.commissioning.plan.DeviceShell;
import io.nestedge.commissioning.probe.diagnosis.Remedy;
import io.nestedge.commissioning.report.CommissioningReport;
import io.nestedge.commissioning.report.ReportFormat;
import io.nestedge.commissioning.report.ReportWriter;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.model.Plant;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Drives commissioning runs for the commissioning view, off the UI thread: opens the target
 * (rehearsal or real devices) when needed, runs {@link CommissioningService#commission} with a
 * journal, hands every {@link RunEvent} to the {@link CommissioningModel} on the UI thread, cancels,
 * resumes (same journal, {@code resume=true}), applies remedies and writes the report. The target is
 * kept between runs of the same plant and kind so that Resume and Failed-only go on where the run
 * stopped; a changed plant or target kind opens a new one. Toolkit-free: the UI thread is an
 * {@link Executor} ({@code Platform::runLater} in the app, direct in tests).
 */
public final class CommissioningSession implements AutoCloseable {
    /** Timeout of each remote command. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    /** Devices worked on at once. */
    public static final int PARALLEL = 4;

    /** Opens a target (on the worker thread). */
    @FunctionalInterface
    public interface TargetFactory {
        /**
         * @param plant the plant to commission
         * @param kind rehearsal or real devices
         * @param progress export progress of a rehearsal
         * @param cancelled polled while preparing
         * @return the open target
         * @throws Exception when it cannot be opened (the message is shown)
         */
        CommissioningTarget open(Plant plant, CommissioningModel.Target kind, ExportProgress progress, BooleanSupplier cancelled)
                throws Exception;
    }

    private final CommissioningModel model;
    private final Executor ui;
    private final TargetFactory factory;
    private final Path journalDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nestedge-commission");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile CommissioningTarget target;
    private Plant targetPlant;
    private CommissioningModel.Target targetKind;
    private List<String> lastDevices = List.of();

    /**
     * @param model the view-model to update
     * @param ui runs on the UI thread
     * @param factory opens targets
     * @param journalDir where the run journals go ({@code rehearsal-journal.jsonl}, {@code commissioning-journal.jsonl})
     */
    public CommissioningSession(CommissioningModel model, Executor ui, TargetFactory factory, Path journalDir) {
        this.model = model;
        this.ui = ui;
        this.factory = factory;
        this.journalDir = journalDir;
    }

    /**
     * Starts a run of some devices (call on the UI thread; returns at once).
     *
     * @param plant the plant
     * @param devices device IDs (parents first is not required)
     * @param resume true to continue the last run: steps the journal records as done are not run again
     * @return the background work (tests wait on it), or null when a run is going or nothing to do
     */
    public Future<?> start(Plant plant, List<String> devices, boolean resume) {
        if (model.runningProperty().get() || devices.isEmpty()) {
            return null;
        }
        List<String> ids = List.copyOf(devices);
        lastDevices = ids;
        CommissioningModel.Target kind = model.targetProperty().get();
        Path journal = journalDir.resolve(kind == CommissioningModel.Target.REHEARSAL ? "rehearsal-journal.jsonl"
                : "commissioning-journal.jsonl");
        cancelled.set(false);
        model.sync(plant);
        model.begin(ids);
        model.journalProperty().set(journal);
        model.messageProperty().set("Preparing " + ids.size() + " device(s)…");
        return worker.submit(() -> run(plant, kind, ids, journal, resume, null));
    }

    /** Resumes the last run with the same journal (after a lost connection or a cancel). */
    public Future<?> resume(Plant plant) {
        return start(plant, lastDevices.isEmpty() ? List.copyOf(plant.deviceIds()) : lastDevices, true);
    }

    /**
     * Applies a remedy the diagnosis named, then runs the device again with the same journal so that
     * its verification steps run anew (call on the UI thread).
     *
     * @param plant the plant
     * @param deviceId the device
     * @param remedyId a {@link Remedy} name; only {@link Remedy#RECREATE_EDGEHUB} is applied by the tool
     * @return the background work, or null when refused (a run is going, unknown remedy, no target)
     */
    public Future<?> applyRemedy(Plant plant, String deviceId, String remedyId) {
        if (model.runningProperty().get() || !canApply(remedyId) || target == null) {
            return null;
        }
        CommissioningModel.Target kind = model.targetProperty().get();
        Path journal = model.journalProperty().get();
        cancelled.set(false);
        model.begin(List.of(deviceId));
        model.messageProperty().set(deviceId + ": re-creating edgeHub and edgeAgent…");
        lastDevices = List.of(deviceId);
        return worker.submit(() -> run(plant, kind, List.of(deviceId), journal, true, shell -> {
            for (String cmd : List.of("docker rm -f edgeAgent edgeHub", "iotedge system restart")) {
                DeviceShell.Exec r;
                try {
                    r = shell.runAsRoot("/", cmd, COMMAND_TIMEOUT);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("cancelled", e);
                }
                String text = "$ " + cmd + "\n" + r.text() + (r.exitCode() == 0 ? "" : "(exit " + r.exitCode() + ")\n");
                ui.execute(() -> model.device(deviceId).note("── Remedy RECREATE_EDGEHUB (facts §2, §6; F12)\n" + text));
            }
        }));
    }

    /** True for remedies the tool applies itself. */
    public static boolean canApply(String remedyId) {
        return Remedy.RECREATE_EDGEHUB.name().equals(remedyId);
    }

    private void run(Plant plant, CommissioningModel.Target kind, List<String> ids, Path journal, boolean resume,
            Consumer<DeviceShell> remedy) {
        try {
            CommissioningTarget t = target(plant, kind);
            if (t == null) {
                return;
            }
            ui.execute(() -> {
                model.exportDirProperty().set(t.exportDir());
                model.messageProperty().set(t.describe());
            });
            if (remedy != null) {
                DeviceShell shell = t.shell(plant, ids.get(0));
                try {
                    remedy.accept(shell);
                } finally {
                    if (shell instanceof AutoCloseable c) {
                        c.close();
                    }
                }
            }
            Files.createDirectories(journal.getParent());
            t.service().commission(plant, t.exportDir(), new CommissioningService.Options(PARALLEL, COMMAND_TIMEOUT, journal, resume,
                    ids, t.bundlePassphrase()), e -> ui.execute(() -> model.apply(e)));
        } catch (Exception e) {
            String why = message(e);
            ui.execute(() -> model.abort(why));
        }
    }

    private synchronized CommissioningTarget target(Plant plant, CommissioningModel.Target kind) throws Exception {
        if (target != null && targetPlant == plant && targetKind == kind) {
            return target;
        }
        closeTarget();
        ExportProgress progress = (stage, done, total) -> ui.execute(() -> model.messageProperty().set(
                "Exporting for the rehearsal: " + stage + " " + done + "/" + total));
        CommissioningTarget t = factory.open(plant, kind, progress, cancelled::get);
        if (cancelled.get()) {
            t.close();
            ui.execute(() -> model.abort("Cancelled before the run started."));
            return null;
        }
        target = t;
        targetPlant = plant;
        targetKind = kind;
        return t;
    }

    private static String message(Exception e) {
        if (e instanceof ExportException x) {
            return "Cannot export: " + x.getMessage();
        }
        if (e instanceof InputException x) {
            return "Cannot commission: " + x.getMessage();
        }
        return "Run stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Cancels the preparation or the run going on. */
    public void cancel() {
        cancelled.set(true);
        CommissioningTarget t = target;
        if (t != null) {
            t.service().cancel();
        }
        model.messageProperty().set("Cancelling…");
    }

    /** The open target, or null (tests). */
    public CommissioningTarget target() {
        return target;
    }

    /**
     * Writes the commissioning report (HTML and PDF) of the journal, on the calling thread.
     *
     * @param plant the plant (names every device, also those never run)
     * @param dir where to write ({@code <dir>/<name>-commissioning-report.html/.pdf})
     * @param baseName file name stem (the plant file's name without extension)
     * @return the HTML and PDF files
     * @throws InputException when the journal is unreadable or missing
     * @throws IOException when the files cannot be written
     */
    public List<Path> writeReport(Plant plant, Path dir, String baseName) throws InputException, IOException {
        Path journal = model.journalProperty().get();
        if (journal == null || !Files.exists(journal)) {
            throw new InputException(String.valueOf(journal), "", "no commissioning run yet.", "Start a run first.");
        }
        Path export = model.exportDirProperty().get();
        CommissioningReport report = CommissioningReport.read(journal, plant, export != null && Files.isDirectory(export) ? export : null,
                Instant.now());
        String stem = baseName.replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
        Path html = dir.resolve(stem + "-commissioning-report.html");
        Path pdf = dir.resolve(stem + "-commissioning-report.pdf");
        ReportWriter.write(report, html, ReportFormat.HTML);
        ReportWriter.write(report, pdf, ReportFormat.PDF);
        return List.of(html, pdf);
    }

    /** The worker thread (reports are written on it by the view). */
    public ExecutorService worker() {
        return worker;
    }

    private synchronized void closeTarget() {
        if (target != null) {
            target.close();
            target = null;
            targetPlant = null;
            targetKind = null;
        }
    }

    /** Cancels, closes the target (stops a rehearsal's virtual plant) and stops the worker. */
    @Override
    public void close() {
        cancel();
        worker.shutdown();
        try {
            worker.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeTarget();
        worker.shutdownNow();
    }
}
