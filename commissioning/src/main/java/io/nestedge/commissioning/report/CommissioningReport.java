package io.nestedge.commissioning.report;

import io.nestedge.commissioning.run.Remark;
import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.Layer;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.io.InputException;
import io.nestedge.model.steps.InstallSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commissioning report: what a run journal says about a plant, optionally joined with the plant
 * (layers, parents, hostnames, devices never run) and the export directory (each device's
 * {@code bundle.json}: root and Edge CA fingerprints, Edge CA expiry — facts §4). Immutable; render it
 * with {@link HtmlReportRenderer} or {@link PdfReportRenderer}, write it with {@link ReportWriter}.
 *
 * @param title the plant's name (from the plant, else the latest run), or "Commissioning report"
 * @param journal the journal file name as given
 * @param runs the runs in journal order
 * @param devices one entry per device: plant order when a plant is given (journal devices the plant lacks
 *     last), else the order devices first appear in the journal
 * @param layers ISA-95 layers, top first, for the plant picture (empty when neither plant nor bundles say)
 * @param notes things the reader should know about the inputs (skipped journal lines, missing bundles)
 * @param generatedAt when the report was made
 * @param withPlant true when a plant was given
 */
public record CommissioningReport(String title, String journal, List<RunInfo> runs, List<DeviceReport> devices,
        List<Layer> layers, List<String> notes, Instant generatedAt, boolean withPlant) {
    /** Copies the lists. */
    public CommissioningReport {
        runs = List.copyOf(runs);
        devices = List.copyOf(devices);
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    /**
     * Reads a journal (and optionally the plant and the export directory) into a report.
     *
     * @param journal the run journal (JSONL); a truncated last line and appended runs are fine
     * @param plant the plant, or null
     * @param exportDir the export directory holding one bundle directory (with {@code bundle.json}) per
     *     device, or null
     * @param now the report's time (expiry is judged against it)
     * @return the report
     * @throws InputException when the journal is missing, unreadable or has no event, or a bundle.json is malformed
     */
    public static CommissioningReport read(Path journal, Plant plant, Path exportDir, Instant now) throws InputException {
        JournalReader j = JournalReader.read(journal);
        List<String> notes = new ArrayList<>();
        if (!j.badLines.isEmpty()) {
            notes.add(j.badLines.size() + " journal line(s) could not be read and were left out (line "
                    + j.badLines.stream().limit(5).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + (j.badLines.size() > 5 ? ", …" : "") + "); a run that stopped while writing leaves its last line incomplete.");
        }
        Map<String, BundleInfo> bundles = exportDir == null ? Map.of() : bundles(exportDir);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (plant != null) {
            plant.devices().forEach(d -> ids.add(d.id()));
        }
        ids.addAll(j.steps.keySet());
        List<DeviceReport> devices = new ArrayList<>();
        List<String> strangers = new ArrayList<>();
        for (String id : ids) {
            Device d = plant == null ? null : plant.deviceOrNull(id);
            if (plant != null && d == null) {
                strangers.add(id);
            }
            devices.add(device(id, d, j, bundles.get(id), plant != null && d == null));
        }
        if (!strangers.isEmpty()) {
            notes.add("The journal names device(s) the plant does not have: " + String.join(", ", strangers)
                    + ". Is this the plant the run was made from?");
        }
        if (exportDir != null) {
            List<String> missing = devices.stream().filter(d -> d.bundle() == null && d.inPlant()).map(DeviceReport::deviceId).toList();
            if (!missing.isEmpty() && !bundles.isEmpty()) {
                notes.add("No bundle in " + exportDir + " for: " + String.join(", ", missing) + " (no fingerprints shown for them).");
            }
        }
        String title = plant != null ? plant.name()
                : j.runs.isEmpty() || j.runs.get(j.runs.size() - 1).plant().isEmpty() ? "Commissioning report"
                : j.runs.get(j.runs.size() - 1).plant();
        return new CommissioningReport(title, journal.toString(), j.runs, devices, layers(plant, devices), notes, now,
                plant != null);
    }

    private static Map<String, BundleInfo> bundles(Path exportDir) throws InputException {
        if (!Files.isDirectory(exportDir)) {
            throw new InputException(exportDir.toString(), "", "not a directory.",
                    "Give the export directory (one sub-directory per device, made by 'nestedge export').");
        }
        Map<String, BundleInfo> out = new HashMap<>();
        for (BundleInfo b : Bundles.readAll(exportDir)) {
            out.put(b.deviceId(), b);
        }
        return out;
    }

    private static DeviceReport device(String id, Device d, JournalReader j, BundleInfo bundle, boolean stranger) {
        Map<String, StepEntry> steps = j.steps.getOrDefault(id, Map.of());
        String lastRun = j.lastRun.getOrDefault(id, "");
        JournalReader.Finish finish = j.finishes.get(id);
        DeviceResult result;
        String summary;
        if (!j.steps.containsKey(id)) {
            result = DeviceResult.NOT_RUN;
            summary = "not part of any run in this journal";
        } else if (finish != null && finish.runId().equals(lastRun)) {
            result = DeviceResult.of(finish.status());
            summary = finish.summary();
        } else {
            result = DeviceResult.INTERRUPTED;
            summary = "the run stopped while working on this device (no device-finished line)";
        }
        LinkedHashMap<String, Remark> remarks = new LinkedHashMap<>();
        for (StepEntry e : steps.values()) {
            if (e.runId().equals(lastRun)) {
                e.remarks().forEach(r -> remarks.putIfAbsent(r.cause() + "\u0000" + r.fix(), r));
            }
        }
        StepEntry runtime = steps.get(InstallSteps.VERIFY_RUNTIME);
        StepEntry tls = steps.get(InstallSteps.VERIFY_PARENT_TLS);
        RuntimeEvidence evidence = RuntimeEvidence.read(runtime == null ? null : runtime.output(), tls == null ? null : tls.output());
        String kind = d == null ? "" : d.kind() == DeviceKind.IOT_EDGE ? "IoT Edge" : "Leaf";
        String layer = d != null ? d.layerId() : bundle != null ? bundle.layerId() : "";
        String parent = d != null ? d.parentId() : bundle != null ? bundle.parentId() : "";
        return new DeviceReport(id, d == null ? id : d.displayName(), kind, layer, parent, d == null ? "" : d.hostname(),
                result, summary, lastRun, new ArrayList<>(steps.values()), evidence, new ArrayList<>(remarks.values()),
                bundle, !stranger);
    }

    private static List<Layer> layers(Plant plant, List<DeviceReport> devices) {
        if (plant != null) {
            return plant.layers();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        devices.stream().map(DeviceReport::layerId).filter(s -> !s.isEmpty()).forEach(ids::add);
        List<Layer> out = new ArrayList<>();
        for (Layer l : Layer.defaults()) {
            if (ids.remove(l.id())) {
                out.add(l);
            }
        }
        ids.forEach(id -> out.add(new Layer(id, id, -1)));
        return out;
    }

    /** The device with this ID, if any. */
    public Optional<DeviceReport> device(String id) {
        return devices.stream().filter(d -> d.deviceId().equals(id)).findFirst();
    }

    /** The latest run, if the journal has one. */
    public Optional<RunInfo> latestRun() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** How many devices stand at this result. */
    public long count(DeviceResult r) {
        return devices.stream().filter(d -> d.result() == r).count();
    }
}
