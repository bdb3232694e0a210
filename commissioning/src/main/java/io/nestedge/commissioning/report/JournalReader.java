package io.nestedge.commissioning.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.io.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a run journal ({@link io.nestedge.commissioning.run.Journal}, JSONL) into runs and the latest
 * result per device and step. Several runs appended to one journal are read in order; a later result
 * replaces an earlier one, except that a step a resumed run skipped ("done in a previous run") keeps
 * the earlier run's real result. Lines that are not JSON objects (a truncated last line after a crash,
 * bytes that are not UTF-8) are skipped and counted, never fatal.
 */
final class JournalReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The latest device-finished line of a device. */
    record Finish(String runId, StepStatus status, String summary) { }

    final List<RunInfo> runs = new ArrayList<>();
    /** device → step → entry, in first-appearance order. */
    final Map<String, Map<String, StepEntry>> steps = new LinkedHashMap<>();
    final Map<String, Finish> finishes = new LinkedHashMap<>();
    /** The run of each device's latest journalled line (step or device). */
    final Map<String, String> lastRun = new LinkedHashMap<>();
    final List<Integer> badLines = new ArrayList<>();
    int events;

    private RunBuilder current;

    /**
     * Reads the journal.
     *
     * @param file the JSONL journal
     * @throws InputException when the file is missing or unreadable, or holds no commissioning event
     */
    static JournalReader read(Path file) throws InputException {
        JournalReader r = new JournalReader();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    r.line(n, line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "journal not found.",
                    "Give the journal a commissioning run wrote (nestedge commission … --journal FILE).");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read the journal: " + e.getMessage(), "Check the path and permissions.");
        }
        r.closeRun();
        if (r.events == 0) {
            throw new InputException(file.toString(), r.badLines.isEmpty() ? "" : "line " + r.badLines.get(0),
                    "no commissioning events in this file (expected JSON lines with \"event\": run-started, step-finished, …).",
                    "Give the journal a commissioning run wrote.");
        }
        return r;
    }

    private void line(int n, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            badLines.add(n);
            return;
        }
        if (node == null || !node.isObject() || !node.path("event").isTextual()) {
            badLines.add(n);
            return;
        }
        String event = node.path("event").asText();
        String time = str(node, "time");
        switch (event) {
            case "run-started" -> {
                closeRun();
                current = new RunBuilder(str(node, "run"), str(node, "plant"), str(node, "user"), str(node, "host"), time);
                events++;
            }
            case "step-finished" -> {
                String device = str(node, "device");
                StepStatus status = status(node);
                if (device.isEmpty() || status == null) {
                    badLines.add(n);
                    return;
                }
                StepEntry e = new StepEntry(runId(), time, str(node, "step"), str(node, "title"), status,
                        str(node, "summary"), str(node, "output"), remarks(node.path("remarks")),
                        node.path("fromJournal").asBoolean(false));
                Map<String, StepEntry> byStep = steps.computeIfAbsent(device, k -> new LinkedHashMap<>());
                StepEntry old = byStep.get(e.stepId());
                if (old == null || !e.fromJournal() || old.fromJournal()) {
                    byStep.put(e.stepId(), e);
                }
                lastRun.put(device, runId());
                events++;
            }
            case "device-finished" -> {
                String device = str(node, "device");
                StepStatus status = status(node);
                if (device.isEmpty() || status == null) {
                    badLines.add(n);
                    return;
                }
                finishes.put(device, new Finish(runId(), status, str(node, "summary")));
                steps.computeIfAbsent(device, k -> new LinkedHashMap<>());
                lastRun.put(device, runId());
                run().devicesFinished++;
                if (status == StepStatus.FAILED) {
                    run().devicesFailed++;
                }
                events++;
            }
            case "run-finished" -> {
                RunBuilder b = run();
                b.finished = time;
                b.cancelled = node.path("cancelled").asBoolean(false);
                b.elapsedMs = node.path("elapsedMs").asLong(-1);
                events++;
                closeRun();
            }
            default -> {
                // Events a newer journal may add (step-started, output): not part of the report.
            }
        }
    }

    private String runId() {
        return current == null ? "" : current.runId;
    }

    private RunBuilder run() {
        if (current == null) {
            current = new RunBuilder("", "", "", "", "");
        }
        return current;
    }

    private void closeRun() {
        if (current != null) {
            runs.add(new RunInfo(current.runId, current.plant, current.user, current.host, current.started,
                    current.finished, current.cancelled, current.elapsedMs, current.devicesFinished, current.devicesFailed));
            current = null;
        }
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    private static StepStatus status(JsonNode n) {
        try {
            return StepStatus.valueOf(str(n, "status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Remark> remarks(JsonNode arr) {
        List<Remark> out = new ArrayList<>();
        if (arr.isArray()) {
            for (JsonNode r : arr) {
                if (r.isObject()) {
                    out.add(new Remark(str(r, "cause"), str(r, "fix"), str(r, "remedyId"), str(r, "source")));
                }
            }
        }
        return out;
    }

    private static final class RunBuilder {
        final String runId;
        final String plant;
        final String user;
        final String host;
        final String started;
        String finished = "";
        boolean cancelled;
        long elapsedMs = -1;
        int devicesFinished;
        int devicesFailed;

        RunBuilder(String runId, String plant, String user, String host, String started) {
            this.runId = runId;
            this.plant = plant;
            this.user = user;
            this.host = host;
            this.started = started;
        }
    }
}
