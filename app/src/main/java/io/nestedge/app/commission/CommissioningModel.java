package io.nestedge.app.commission;

import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.model.Plant;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * State of the commissioning view (toolkit-free, {@code javafx.base} observables): the target, one
 * {@link DeviceRunView} per device, whether a run is going, its progress and message, the last
 * report, and where the last run's journal, export and report files are. {@link #apply} folds the
 * commissioner's {@link RunEvent}s in; call everything from one thread (the FX thread in the app).
 */
public final class CommissioningModel {
    /** Where a run goes. */
    public enum Target {
        /** The virtual plant (rehearsal): emulated devices on this laptop. */
        REHEARSAL,
        /** The real devices at their plant addresses, over SSH. */
        DEVICES
    }

    private final ObservableMap<String, DeviceRunView> devices = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.REHEARSAL);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final ObjectProperty<RunReport> lastReport = new SimpleObjectProperty<>(this, "lastReport");
    private final ObjectProperty<Path> journal = new SimpleObjectProperty<>(this, "journal");
    private final ObjectProperty<Path> exportDir = new SimpleObjectProperty<>(this, "exportDir");
    private final ObjectProperty<Path> reportFile = new SimpleObjectProperty<>(this, "reportFile");
    private final BooleanProperty resumable = new SimpleBooleanProperty(this, "resumable");
    private int inRun;
    private int finished;

    /** Makes the device views match the plant (keeps results of devices still present). */
    public void sync(Plant plant) {
        devices.keySet().retainAll(plant.deviceIds());
        for (String id : plant.deviceIds()) {
            devices.computeIfAbsent(id, DeviceRunView::new);
        }
    }

    /**
     * Starts a run: the given devices become PENDING, the others keep their last results.
     *
     * @param ids devices in the run
     */
    public void begin(Collection<String> ids) {
        for (String id : ids) {
            devices.computeIfAbsent(id, DeviceRunView::new).reset();
        }
        inRun = ids.size();
        finished = 0;
        progress.set(0);
        progressText.set(counted());
        lastReport.set(null);
        resumable.set(false);
        running.set(true);
    }

    /**
     * Folds one event in.
     *
     * @param e an event of the running commissioner
     */
    public void apply(RunEvent e) {
        if (e instanceof RunEvent.RunFinished f) {
            end(f.report());
            return;
        }
        DeviceRunView v = devices.computeIfAbsent(e.deviceId(), DeviceRunView::new);
        v.apply(e);
        if (e instanceof RunEvent.DeviceFinished) {
            finished++;
            progress.set(inRun == 0 ? 1 : (double) finished / inRun);
            progressText.set(counted());
        } else if (e instanceof RunEvent.StepStarted s) {
            message.set(s.deviceId() + ": " + s.title());
        }
    }

    private String counted() {
        return finished + " of " + inRun + (inRun == 1 ? " device" : " devices") + " done";
    }

    private void end(RunReport r) {
        lastReport.set(r);
        running.set(false);
        progress.set(1);
        long ok = r.outcomes().stream().filter(o -> o.status().succeeded()).count();
        long failed = r.outcomes().stream().filter(o -> o.status() == io.nestedge.commissioning.run.StepStatus.FAILED).count();
        long skipped = r.outcomes().size() - ok - failed;
        resumable.set(!r.allSucceeded());
        message.set((r.cancelled() ? "Run cancelled: " : "Run finished: ") + ok + " commissioned, " + failed + " failed, " + skipped
                + " not done (" + r.elapsed().toSeconds() + " s)");
    }

    /** Ends a run that could not start or broke off (export failed, bundles unusable…). */
    public void abort(String why) {
        for (DeviceRunView v : devices.values()) {
            if (v.status() == DeviceRunStatus.PENDING || v.status() == DeviceRunStatus.RUNNING) {
                v.statusProperty().set(DeviceRunStatus.CANCELLED);
                v.summaryProperty().set(why);
                v.currentStepProperty().set("");
            }
        }
        running.set(false);
        resumable.set(journal.get() != null);
        message.set(why);
    }

    /** Each device's last status (devices never run are absent). */
    public Map<String, DeviceRunStatus> statuses() {
        Map<String, DeviceRunStatus> m = new HashMap<>();
        devices.forEach((id, v) -> {
            if (v.status() != null) {
                m.put(id, v.status());
            }
        });
        return m;
    }

    /** The view of a device (created on demand). */
    public DeviceRunView device(String id) {
        return devices.computeIfAbsent(id, DeviceRunView::new);
    }

    /** All device views, plant order. */
    public ObservableMap<String, DeviceRunView> devices() { return devices; }
    /** Rehearsal or real devices. */
    public ObjectProperty<Target> targetProperty() { return target; }
    /** True while a run (or its preparation) goes on. */
    public BooleanProperty runningProperty() { return running; }
    /** Finished devices / devices in the run, 0..1. */
    public DoubleProperty progressProperty() { return progress; }
    /** The last thing that happened, for people. */
    public StringProperty messageProperty() { return message; }
    /** "2 of 4 devices done" during and after a run; empty before the first. */
    public StringProperty progressTextProperty() { return progressText; }
    /** The last run's report, or null while running / before the first run. */
    public ObjectProperty<RunReport> lastReportProperty() { return lastReport; }
    /** The journal of the runs (JSONL), or null before the first run. */
    public ObjectProperty<Path> journalProperty() { return journal; }
    /** The export directory the runs commission from. */
    public ObjectProperty<Path> exportDirProperty() { return exportDir; }
    /** The last report written (HTML), or null. */
    public ObjectProperty<Path> reportFileProperty() { return reportFile; }
    /** True when the last run left devices not commissioned (Resume continues it with the same journal). */
    public BooleanProperty resumableProperty() { return resumable; }
}
