package io.nestedge.app.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The most recently opened or saved plant files, newest first, kept in {@link Preferences}
 * (at most {@link #MAX} entries, no duplicates).
 */
public final class RecentFiles {
    /** Maximum number of entries. */
    public static final int MAX = 8;
    private static final String KEY = "recent.";
    private final Preferences prefs;

    /**
     * @param prefs the preferences node to store the list in
     */
    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The list, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = prefs.get(KEY + i, null);
            if (v != null && !v.isBlank()) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    /** Moves (or adds) a file to the top of the list. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> l = new ArrayList<>(list());
        l.remove(abs);
        l.add(0, abs);
        store(l);
    }

    /** Removes a file (e.g. one that no longer opens). */
    public void remove(Path file) {
        List<Path> l = new ArrayList<>(list());
        l.remove(file.toAbsolutePath().normalize());
        store(l);
    }

    private void store(List<Path> l) {
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                prefs.put(KEY + i, l.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
