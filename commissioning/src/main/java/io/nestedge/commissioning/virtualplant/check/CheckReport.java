package io.nestedge.commissioning.virtualplant.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All results of one {@code iotedge check} run: sections in order (identity service sections
 * first, suffixed " (aziot-identity-service)"), each with its checks, plus top-level additional info.
 */
public final class CheckReport {
    /** One executed check. @param id check ID @param description text after the marker @param outcome result */
    public record Entry(String id, String description, CheckOutcome outcome) {
    }

    /** A titled section. @param title e.g. "Configuration checks" @param entries checks in order */
    public record Section(String title, List<Entry> entries) {
    }

    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Object> additionalInfo = new LinkedHashMap<>();

    /** Starts a new section. */
    public void section(String title) {
        sections.add(new Section(title, new ArrayList<>()));
    }

    /** Adds a check result to the current section. */
    public void add(String id, String description, CheckOutcome outcome) {
        sections.get(sections.size() - 1).entries().add(new Entry(id, description, outcome));
    }

    /** Sections in order. */
    public List<Section> sections() {
        return sections;
    }

    /** Top-level additional info (mutable while building). */
    public Map<String, Object> additionalInfo() {
        return additionalInfo;
    }

    /** Every entry in order. */
    public List<Entry> entries() {
        return sections.stream().flatMap(s -> s.entries().stream()).toList();
    }

    /** The outcome of a check, or null when it did not run. */
    public CheckOutcome outcome(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).map(Entry::outcome).findFirst().orElse(null);
    }

    /** Number of entries with this result. */
    public long count(CheckOutcome.Result r) {
        return entries().stream().filter(e -> e.outcome().result() == r).count();
    }

    /** True when any check failed (error or fatal): the command exits 1. */
    public boolean failed() {
        return count(CheckOutcome.Result.ERROR) + count(CheckOutcome.Result.FATAL) > 0;
    }
}
