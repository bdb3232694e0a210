package io.nestedge.app.editor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One editable row of the inspector (toolkit-free): current value as text, how to check typed text,
 * and how to turn committed text into a command.
 *
 * @param category group shown in the property sheet ("Identity", "SSH", …)
 * @param name display name
 * @param description tooltip
 * @param kind editor kind
 * @param value current value as text
 * @param choices allowed values for {@link Kind#CHOICE}
 * @param check problem with typed text, if any (shown as you type)
 * @param blocking whether a problem prevents committing (false: commit anyway, the validator reports it)
 * @param commit the command for a committed value (never called when a blocking check fails)
 */
public record InspectorField(String category, String name, String description, Kind kind, String value,
        List<String> choices, Function<String, Optional<String>> check, boolean blocking,
        Function<String, Command> commit) {

    /** Editor kinds. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** One of {@link InspectorField#choices()}. */
        CHOICE,
        /** Shown, not editable. */
        READ_ONLY,
        /** A button; {@link InspectorField#value()} is its text and pressing it commits the value. */
        ACTION
    }

    /** Copies the choices. */
    public InspectorField {
        choices = List.copyOf(choices);
    }

    /**
     * Checks and converts a committed value.
     *
     * @param text the value
     * @return the command, or empty when blocked or unchanged (an {@link Kind#ACTION} always commits)
     */
    public Optional<Command> commitText(String text) {
        if (kind == Kind.ACTION) {
            return Optional.ofNullable(commit.apply(value));
        }
        if (kind == Kind.READ_ONLY || text == null || text.equals(value)) {
            return Optional.empty();
        }
        if (blocking && check.apply(text).isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(commit.apply(text));
    }
}
