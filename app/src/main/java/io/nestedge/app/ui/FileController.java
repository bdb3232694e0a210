package io.nestedge.app.ui;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecentFiles;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * New / Open / Save / Save As, recent files, and autosave to a recovery file (offered back after a
 * crash). Open errors are shown in a dialog with the file, position and fix from
 * {@link InputException}; nothing here lets an exception reach the user as a crash.
 */
public final class FileController {
    /** Autosave interval, seconds. */
    public static final int AUTOSAVE_SECONDS = 15;
    private final Stage stage;
    private final DesignerModel model;
    private final RecentFiles recent;
    private final RecoveryStore recovery;
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nestedge-autosave");
        t.setDaemon(true);
        return t;
    });
    /**
     * The autosave timer. Not an FX {@code Timeline}: a running animation makes JavaFX pulse 60 times a
     * second for as long as it runs, i.e. for the whole session (about 1 % of a core while idle).
     */
    private ScheduledFuture<?> autosave;
    /** The plant the recovery file holds after the last autosave (FX thread), or null. */
    private Plant autosavedPlant;
    private Path autosavedOrigin;
    private Runnable onRecentChanged = () -> { };

    /**
     * @param stage owner of dialogs
     * @param model the engine
     * @param recent recent files
     * @param recovery recovery store
     */
    public FileController(Stage stage, DesignerModel model, RecentFiles recent, RecoveryStore recovery) {
        this.stage = stage;
        this.model = model;
        this.recent = recent;
        this.recovery = recovery;
    }

    /** Starts the autosave timer. */
    public void startAutosave() {
        if (autosave == null) {
            autosave = io.scheduleWithFixedDelay(() -> Platform.runLater(this::autosaveNow), AUTOSAVE_SECONDS, AUTOSAVE_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /**
     * Writes the recovery file now if there are unsaved changes (off the FX thread), else clears it.
     * A plant already written by the previous autosave is not written again (plants are immutable, so
     * the same instance is the same content): serializing a large plant every 15 s took CPU from the
     * FX and render threads while nothing had changed.
     *
     * @return the write or delete in progress, or a completed future when nothing needed writing
     */
    public java.util.concurrent.Future<?> autosaveNow() {
        Plant p = model.plant();
        Path origin = model.fileProperty().get();
        boolean dirty = model.isDirty();
        if (io.isShutdown()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        if (dirty && p == autosavedPlant && java.util.Objects.equals(origin, autosavedOrigin)) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        autosavedPlant = dirty ? p : null;
        autosavedOrigin = origin;
        return io.submit(() -> {
            try {
                if (dirty) {
                    recovery.save(p, origin);
                } else {
                    recovery.clear();
                }
            } catch (IOException e) {
                Platform.runLater(() -> {
                    autosavedPlant = null;
                    model.statusProperty().set("Autosave failed: " + e.getMessage());
                });
            }
        });
    }

    /** Deletes the recovery file (and forgets what the last autosave wrote). */
    private void clearRecovery() {
        autosavedPlant = null;
        recovery.clear();
    }

    /** Called when the recent-files list changes (to rebuild the menu). */
    public void setOnRecentChanged(Runnable r) {
        onRecentChanged = r;
    }

    /** The recent files. */
    public RecentFiles recent() {
        return recent;
    }

    /**
     * Offers to recover the plant of a session that did not exit cleanly.
     *
     * @return true when a plant was recovered
     */
    public boolean offerRecovery() {
        Optional<RecoveryStore.Recovered> r;
        try {
            r = recovery.load();
        } catch (InputException e) {
            clearRecovery();
            return false;
        }
        if (r.isEmpty()) {
            return false;
        }
        RecoveryStore.Recovered rec = r.get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("Recover unsaved changes");
        a.setHeaderText("NestEdge Studio did not close properly.");
        a.setContentText("Recover the unsaved changes to \"" + rec.plant().name() + "\" ("
                + rec.origin().map(Path::toString).orElse("never saved") + "), autosaved at "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(rec.savedAt()) + "?");
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(recover, discard);
        if (a.showAndWait().orElse(discard) == recover) {
            model.open(rec.plant(), rec.origin().orElse(null), false);
            model.statusProperty().set("Recovered unsaved changes; save to keep them.");
            return true;
        }
        clearRecovery();
        return false;
    }

    /** File › New (asks to save unsaved changes first). */
    public void newPlant() {
        if (confirmDiscard()) {
            model.open(Plant.empty("Untitled plant"), null, true);
            model.statusProperty().set("New plant");
        }
    }

    /** File › Open… */
    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser fc = chooser("Open plant");
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /**
     * Opens a file, showing an error dialog when it cannot be read.
     *
     * @param file the plant file
     * @return true when opened
     */
    public boolean openFile(Path file) {
        try {
            Plant p = PlantFile.read(file);
            model.open(p, file, true);
            recent.add(file);
            onRecentChanged.run();
            model.statusProperty().set("Opened " + file.getFileName() + ": " + p.size() + " devices");
            return true;
        } catch (InputException e) {
            showError("Cannot open " + file.getFileName(), e.file() + (e.location().isEmpty() ? "" : "\n" + e.location()),
                    e.problem() + (e.fix().isEmpty() ? "" : "\n\nFix: " + e.fix()));
            return false;
        } catch (RuntimeException e) {
            showError("Cannot open " + file.getFileName(), file.toString(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Opens a recent file (and drops it from the list when it no longer opens). */
    public void openRecent(Path file) {
        if (confirmDiscard() && !openFile(file)) {
            recent.remove(file);
            onRecentChanged.run();
        }
    }

    /** File › Save: to the current file, or Save As when there is none. */
    public boolean save() {
        Path f = model.fileProperty().get();
        return f == null ? saveAs() : writeTo(f);
    }

    /** File › Save As… */
    public boolean saveAs() {
        FileChooser fc = chooser("Save plant as");
        Path current = model.fileProperty().get();
        fc.setInitialFileName(current != null ? current.getFileName().toString()
                : model.plant().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(java.util.Locale.ROOT) + ".json");
        java.io.File f = fc.showSaveDialog(stage);
        return f != null && writeTo(f.toPath());
    }

    /**
     * Saves to a file (atomically).
     *
     * @param file target
     * @return true when saved
     */
    public boolean writeTo(Path file) {
        try {
            PlantFile.write(model.plant(), file);
            model.markSaved(file);
            recent.add(file);
            onRecentChanged.run();
            clearRecovery();
            model.statusProperty().set("Saved " + file);
            return true;
        } catch (IOException | RuntimeException e) {
            showError("Cannot save", file.toString(), String.valueOf(e.getMessage()) + "\n\nThe previous file is unchanged.");
            return false;
        }
    }

    /**
     * Asks what to do with unsaved changes.
     *
     * @return true when it is fine to replace or close the plant
     */
    public boolean confirmDiscard() {
        if (!model.isDirty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to \"" + model.plant().name() + "\"?");
        a.setContentText("Your changes are lost if you don't save them.");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dont = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(save, dont, ButtonType.CANCEL);
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r == save ? save() : r == dont;
    }

    /** Clean exit: stop autosaving and delete the recovery file. */
    public void shutdown() {
        if (autosave != null) {
            autosave.cancel(false);
        }
        io.shutdownNow();
        clearRecovery();
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("NestEdge plant (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = model.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return fc;
    }

    private void showError(String header, String where, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(stage);
        a.setTitle("NestEdge Studio");
        a.setHeaderText(header);
        a.setContentText(where);
        TextArea t = new TextArea(detail);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(5);
        a.getDialogPane().setExpandableContent(t);
        a.getDialogPane().setExpanded(true);
        a.getDialogPane().setId("error-dialog");
        a.show();
    }
}
