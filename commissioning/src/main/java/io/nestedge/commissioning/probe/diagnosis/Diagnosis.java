package io.nestedge.commissioning.probe.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recognised cause for what a device printed, with the fix.
 *
 * @param id stable ID of the cause ({@code DIAG-…}); one per rule
 * @param title one line for a list
 * @param cause what is wrong, in the field's terms
 * @param fix what to do
 * @param remedy a fix the run can apply by itself, or null
 * @param source the facts section / field case the rule comes from
 * @param evidence the output lines that led to it
 * @param explainedChecks IDs (or, without an ID, descriptions) of failed checks this explains
 */
public record Diagnosis(String id, String title, String cause, String fix, Remedy remedy, String source,
        List<String> evidence, List<String> explainedChecks) {
    /** Defensive copies. */
    public Diagnosis {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(fix);
        Objects.requireNonNull(source);
        evidence = List.copyOf(evidence);
        explainedChecks = List.copyOf(explainedChecks);
    }

    /** The machine-applicable remedy, if any. */
    public Optional<Remedy> remedyOpt() {
        return Optional.ofNullable(remedy);
    }
}
