package io.nestedge.app.editor;

import io.nestedge.model.Plant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The undo/redo history of one open plant, with a saved-state marker. Each entry keeps the plant
 * before and after its command (plants are immutable, so this costs one reference each). Not
 * thread-safe: use it from one thread (the FX thread in the app).
 */
public final class CommandStack {
    /** Default number of undo steps kept. */
    public static final int DEFAULT_LIMIT = 500;

    private record Entry(Command command, Plant before, Plant after) {
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final int limit;
    private Plant current;
    /** Undo depth at which the plant was saved; -1 when that state is no longer reachable. */
    private int savedDepth;

    /**
     * A history starting at {@code initial}, which counts as saved.
     *
     * @param initial the opened plant
     */
    public CommandStack(Plant initial) {
        this(initial, DEFAULT_LIMIT);
    }

    /**
     * A history keeping at most {@code limit} undo steps.
     *
     * @param initial the opened plant
     * @param limit maximum undo depth, at least 1
     */
    public CommandStack(Plant initial, int limit) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.limit = Math.max(1, limit);
        this.savedDepth = 0;
    }

    /** The current plant. */
    public Plant current() {
        return current;
    }

    /**
     * Applies a command and records it. A command that leaves the plant unchanged is not recorded.
     *
     * @param command the edit
     * @return true when the plant changed
     */
    public boolean execute(Command command) {
        Plant after = command.apply(current);
        if (after == null || after == current || after.equals(current)) {
            return false;
        }
        if (savedDepth > undo.size()) {
            savedDepth = -1; // the saved state was in the redo branch we now drop
        }
        redo.clear();
        undo.push(new Entry(command, current, after));
        if (undo.size() > limit) {
            undo.removeLast();
            if (savedDepth >= 0) {
                savedDepth--;
            }
        }
        current = after;
        fire();
        return true;
    }

    /** Undoes the last command; does nothing when there is none. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Entry e = undo.pop();
        redo.push(e);
        current = e.before();
        fire();
    }

    /** Redoes the last undone command; does nothing when there is none. */
    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Entry e = redo.pop();
        undo.push(e);
        current = e.after();
        fire();
    }

    /** True when there is something to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** True when there is something to redo. */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Description of the command {@link #undo()} would undo. */
    public Optional<String> undoDescription() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().command().description());
    }

    /** Description of the command {@link #redo()} would redo. */
    public Optional<String> redoDescription() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().command().description());
    }

    /** Number of undo steps available. */
    public int undoDepth() {
        return undo.size();
    }

    /** Marks the current state as saved (call after a successful save). */
    public void markSaved() {
        savedDepth = undo.size();
        fire();
    }

    /** True when the current plant differs from the last saved state (by history position). */
    public boolean isDirty() {
        return savedDepth != undo.size();
    }

    /**
     * Forgets the history and starts again at {@code plant} (New, Open).
     *
     * @param plant the new current plant
     * @param saved whether it counts as saved (false for a recovered plant)
     */
    public void reset(Plant plant, boolean saved) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(plant, "plant");
        savedDepth = saved ? 0 : -1;
        fire();
    }

    /** Registers a listener called after every change of plant, history or saved state. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (Runnable r : List.copyOf(listeners)) {
            r.run();
        }
    }
}
