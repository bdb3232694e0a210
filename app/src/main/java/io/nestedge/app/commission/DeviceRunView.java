package io.nestedge.app.commission;

import io.nestedge.commissioning.report.RuntimeEvidence;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.steps.InstallSteps;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One device's live commissioning state (view-model of its canvas badge and detail panel): status,
 * current step, step list, log, runtime evidence re-read from the {@code verify-runtime} output with
 * the probe parsers ({@link RuntimeEvidence}), diagnoses, the TLS result towards its parent and a
 * host-key stop. Toolkit-free; change it from one thread (the FX thread in the app).
 */
public final class DeviceRunView {
    /** Log size kept per device (characters); older output is dropped from the view, not from the journal. */
    public static final int MAX_LOG = 200_000;

    private final String deviceId;
    private final ObjectProperty<DeviceRunStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty currentStep = new SimpleStringProperty(this, "currentStep", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty log = new SimpleStringProperty(this, "log", "");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<Remark> remarks = FXCollections.observableArrayList();
    private final ObjectProperty<RuntimeEvidence> evidence = new SimpleObjectProperty<>(this, "evidence", RuntimeEvidence.NONE);
    private final ObjectProperty<LinkTls> parentTls = new SimpleObjectProperty<>(this, "parentTls", LinkTls.UNKNOWN);
    private final ObjectProperty<HostKeyStop> hostKeyStop = new SimpleObjectProperty<>(this, "hostKeyStop");
    private final StringBuilder logText = new StringBuilder();
    private String runtimeOutput;
    private String tlsOutput;

    /** @param deviceId the device */
    public DeviceRunView(String deviceId) {
        this.deviceId = deviceId;
    }

    /** Resets to PENDING for a new run (the previous run's results are cleared). */
    public void reset() {
        status.set(DeviceRunStatus.PENDING);
        currentStep.set("");
        summary.set("waiting for its parent");
        steps.clear();
        remarks.clear();
        logText.setLength(0);
        log.set("");
        evidence.set(RuntimeEvidence.NONE);
        parentTls.set(LinkTls.UNKNOWN);
        hostKeyStop.set(null);
        runtimeOutput = null;
        tlsOutput = null;
    }

    /**
     * Applies one event of this device.
     *
     * @param e an event whose {@code deviceId} is this device
     */
    public void apply(RunEvent e) {
        if (e instanceof RunEvent.DeviceStarted) {
            summary.set("started");
            status.set(DeviceRunStatus.RUNNING);
        } else if (e instanceof RunEvent.StepStarted s) {
            status.set(DeviceRunStatus.RUNNING);
            currentStep.set(s.title());
            steps.add(new StepRow(s.stepId(), s.title(), null, "", false));
            appendLog("── " + s.title() + "\n");
        } else if (e instanceof RunEvent.StepOutput o) {
            appendLog(o.text());
        } else if (e instanceof RunEvent.StepFinished f) {
            finishStep(f);
        } else if (e instanceof RunEvent.DeviceFinished d) {
            summary.set(d.summary());
            currentStep.set("");
            status.set(DeviceRunStatus.of(d.status()));
        }
    }

    private void finishStep(RunEvent.StepFinished f) {
        StepResult r = f.result();
        StepRow row = new StepRow(f.stepId(), f.title(), r.status(), r.summary(), f.fromJournal());
        int i = lastRunning(f.stepId());
        if (i >= 0) {
            steps.set(i, row);
        } else {
            steps.add(row);
        }
        if (r.status() != StepStatus.OK || f.fromJournal()) {
            appendLog("   " + r.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.summary() + "\n");
        }
        remarks.addAll(r.remarks());
        if (f.stepId().equals(InstallSteps.VERIFY_RUNTIME) && !f.fromJournal()) {
            runtimeOutput = r.output();
            evidence.set(RuntimeEvidence.read(runtimeOutput, tlsOutput));
        } else if (f.stepId().equals(InstallSteps.VERIFY_PARENT_TLS) && !f.fromJournal()) {
            tlsOutput = r.output();
            evidence.set(RuntimeEvidence.read(runtimeOutput, tlsOutput));
            parentTls.set(new LinkTls(switch (r.status()) {
                case OK -> LinkTls.State.OK;
                case WARNING -> LinkTls.State.WARNING;
                case FAILED -> LinkTls.State.FAILED;
                case SKIPPED, CANCELLED -> LinkTls.State.UNKNOWN;
            }, r.summary()));
        }
        if (r.status() == StepStatus.FAILED) {
            HostKeyStop.find(r.summary()).or(() -> HostKeyStop.find(r.output())).ifPresent(hostKeyStop::set);
        }
    }

    private int lastRunning(String stepId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).stepId().equals(stepId) && steps.get(i).running()) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a line of the tool's own (a remedy's commands and output) to the log. */
    public void note(String text) {
        appendLog(text);
    }

    private void appendLog(String text) {
        logText.append(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            logText.append('\n');
        }
        if (logText.length() > MAX_LOG) {
            logText.delete(0, logText.length() - MAX_LOG);
        }
        log.set(logText.toString());
    }

    /** The device ID. */
    public String deviceId() { return deviceId; }
    /** Status, or null when the device was never in a run. */
    public ObjectProperty<DeviceRunStatus> statusProperty() { return status; }
    /** Status, or null when the device was never in a run. */
    public DeviceRunStatus status() { return status.get(); }
    /** Title of the step running now, or empty. */
    public StringProperty currentStepProperty() { return currentStep; }
    /** The device's summary (its worst step's summary when finished). */
    public StringProperty summaryProperty() { return summary; }
    /** The step log (commands and output). */
    public StringProperty logProperty() { return log; }
    /** Steps started or finished, in order. */
    public ObservableList<StepRow> steps() { return steps; }
    /** Diagnoses (cause, fix, remedy) of the steps. */
    public ObservableList<Remark> remarks() { return remarks; }
    /** {@code iotedge check}, {@code iotedge list} and TLS evidence of the last verification. */
    public ObjectProperty<RuntimeEvidence> evidenceProperty() { return evidence; }
    /** The {@code verify-parent-tls} result (link to the parent). */
    public ObjectProperty<LinkTls> parentTlsProperty() { return parentTls; }
    /** A changed host key that stopped the run, or null. */
    public ObjectProperty<HostKeyStop> hostKeyStopProperty() { return hostKeyStop; }
}
