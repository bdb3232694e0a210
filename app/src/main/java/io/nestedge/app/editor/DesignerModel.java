package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Validator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The designer's editor engine (the view-model behind every panel): the open plant, its file, the
 * command stack, the selection and the live findings. Uses JavaFX observable properties from
 * {@code javafx.base} only, so it runs and is tested without a toolkit. Use it from one thread.
 */
public final class DesignerModel {
    private final Function<Plant, List<Finding>> validator;
    private final CommandStack stack;
    private final ReadOnlyObjectWrapper<Plant> plant = new ReadOnlyObjectWrapper<>(this, "plant");
    private final ReadOnlyObjectWrapper<FindingsSummary> findings = new ReadOnlyObjectWrapper<>(this, "findings", FindingsSummary.EMPTY);
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    /** A model with an empty plant, validated by the real {@link Validator}. */
    public DesignerModel() {
        this(Plant.empty("Untitled plant"), Validator::validate);
    }

    /**
     * A model.
     *
     * @param initial the plant to start with (counts as saved)
     * @param validator the validation function (the real one in the app; tests may inject findings)
     */
    public DesignerModel(Plant initial, Function<Plant, List<Finding>> validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.stack = new CommandStack(initial);
        stack.addListener(this::sync);
        file.addListener((o, a, b) -> updateTitle());
        sync();
    }

    private void sync() {
        Plant p = stack.current();
        Plant before = plant.get();
        if (p != before) {
            plant.set(p);
            findings.set(new FindingsSummary(validator.apply(p)));
            followRenames(before, p);
            selection.removeIf(id -> p.deviceOrNull(id) == null);
        }
        dirty.set(stack.isDirty());
        canUndo.set(stack.canUndo());
        canRedo.set(stack.canRedo());
        undoText.set(stack.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(stack.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        updateTitle();
    }

    /**
     * Keeps a renamed device selected (the rename, its undo and its redo): a selected ID that is gone
     * is replaced by the ID now at its place in the plant's device order when that ID is new. Renaming
     * keeps the order ({@link Plant#replaceDevice}); a deleted device's place is taken by an ID that
     * already existed, so a deletion still drops it from the selection.
     */
    private void followRenames(Plant before, Plant after) {
        if (before == null || selection.isEmpty()) {
            return;
        }
        List<String> gone = selection.stream().filter(id -> after.deviceOrNull(id) == null).toList();
        if (gone.isEmpty()) {
            return;
        }
        List<String> oldIds = List.copyOf(before.deviceIds());
        List<String> newIds = List.copyOf(after.deviceIds());
        for (String id : gone) {
            int i = oldIds.indexOf(id);
            if (i >= 0 && i < newIds.size() && before.deviceOrNull(newIds.get(i)) == null) {
                selection.remove(id);
                selection.add(newIds.get(i));
            }
        }
    }

    private void updateTitle() {
        Plant p = stack.current();
        String f = file.get() == null ? "not saved" : String.valueOf(file.get().getFileName());
        title.set((stack.isDirty() ? "* " : "") + (p.name().isBlank() ? "Untitled plant" : p.name()) + " (" + f + ") — NestEdge Studio");
    }

    /**
     * Executes a command as one undo step and reports its description in the status.
     *
     * @param command the edit
     * @return true when the plant changed
     */
    public boolean execute(Command command) {
        boolean changed = stack.execute(command);
        if (changed) {
            status.set(command.description());
        }
        return changed;
    }

    /** Undoes the last command. */
    public void undo() {
        Optional<String> d = stack.undoDescription();
        stack.undo();
        d.ifPresent(x -> status.set("Undone: " + x));
    }

    /** Redoes the last undone command. */
    public void redo() {
        Optional<String> d = stack.redoDescription();
        stack.redo();
        d.ifPresent(x -> status.set("Redone: " + x));
    }

    /**
     * Replaces the open plant (New, Open, Recover); clears history and selection.
     *
     * @param p the plant
     * @param path its file, or null when not saved yet
     * @param saved false for a recovered plant (it is then dirty)
     */
    public void open(Plant p, Path path, boolean saved) {
        selection.clear();
        file.set(path);
        stack.reset(p, saved);
    }

    /**
     * Records a successful save.
     *
     * @param path the file written
     */
    public void markSaved(Path path) {
        file.set(path);
        stack.markSaved();
    }

    /** The command stack (for tests and the benchmark). */
    public CommandStack commandStack() {
        return stack;
    }

    /** The current plant. */
    public Plant plant() {
        return plant.get();
    }

    /** The current plant, observable. */
    public ReadOnlyObjectProperty<Plant> plantProperty() {
        return plant.getReadOnlyProperty();
    }

    /** Findings of the current plant, observable. */
    public ReadOnlyObjectProperty<FindingsSummary> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** Findings of the current plant. */
    public FindingsSummary findings() {
        return findings.get();
    }

    /** Selected device IDs, in selection order (modifiable; unknown IDs are dropped on the next edit). */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** Selects exactly these devices. */
    public void select(Collection<String> ids) {
        LinkedHashSet<String> want = new LinkedHashSet<>();
        for (String id : ids) {
            if (plant().deviceOrNull(id) != null) {
                want.add(id);
            }
        }
        if (!want.equals(selection)) {
            selection.retainAll(want);
            selection.addAll(want);
        }
    }

    /** Adds or removes one device from the selection (Ctrl-click). */
    public void toggle(String id) {
        if (!selection.remove(id) && plant().deviceOrNull(id) != null) {
            selection.add(id);
        }
    }

    /** The selected device when exactly one is selected. */
    public Optional<Device> singleSelection() {
        return selection.size() == 1 ? plant().device(selection.iterator().next()) : Optional.empty();
    }

    /** True when the plant differs from the saved file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True when the plant differs from the saved file. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** Whether Undo is possible. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Whether Redo is possible. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo Move 3 devices". */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** "Redo Move 3 devices". */
    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Window title: unsaved marker, plant name, file name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The plant's file (null until saved). */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The last status message (gesture feedback, command descriptions, refusals). */
    public StringProperty statusProperty() {
        return status;
    }
}
