package io.nestedge.app.ui;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.CopyPaste;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.DeviceSearch;
import io.nestedge.app.editor.layout.AutoLayout;
import io.nestedge.app.ui.canvas.DesignerCanvas;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The shell's actions (menus, toolbar, shortcuts). Each one calls the engine ({@link DesignerModel},
 * commands) or the {@link FileController}; none holds editing logic of its own.
 */
public final class DesignerActions {
    private final Stage stage;
    private final DesignerModel model;
    private final DesignerCanvas canvas;
    private final FileController files;
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty layoutRunning = new SimpleBooleanProperty(false);
    private final BooleanProperty commissioningShown = new SimpleBooleanProperty(true);
    private Runnable exportWizard = () -> { };
    private final CustomTextField find = new CustomTextField();
    private final Menu recentMenu = new Menu("Open Recent");
    private Task<Map<String, Position>> layoutTask;
    private List<String> matches = List.of();
    private int matchIndex;

    /**
     * @param stage the window
     * @param model the engine
     * @param canvas the canvas
     * @param files file actions
     */
    public DesignerActions(Stage stage, DesignerModel model, DesignerCanvas canvas, FileController files) {
        this.stage = stage;
        this.model = model;
        this.canvas = canvas;
        this.files = files;
        files.setOnRecentChanged(this::rebuildRecent);
        find.setPromptText("Find device (Ctrl+F)");
        find.setId("find-field");
        find.getStyleClass().add("find-field");
        find.setLeft(Icons.of(MaterialDesignM.MAGNIFY));
        find.textProperty().addListener((o, a, b) -> {
            matches = DeviceSearch.find(model.plant(), b, 50);
            matchIndex = 0;
            find.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isBlank() && matches.isEmpty());
            model.statusProperty().set(b.isBlank() ? "" : matches.isEmpty() ? "No device matches \"" + b + "\""
                    : matches.size() + " match(es); Enter shows the next");
        });
        find.setOnAction(e -> nextMatch());
    }

    /** Whether the commissioning view is shown below the canvas (View menu). */
    public BooleanProperty commissioningShownProperty() {
        return commissioningShown;
    }

    /** Sets what File › Export Bundles… opens. */
    public void setExportWizard(Runnable wizard) {
        this.exportWizard = wizard;
    }

    /** Opens the export wizard. */
    public void exportBundles() {
        exportWizard.run();
    }

    /** Dark theme on/off (View menu). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The find field (toolbar). */
    public CustomTextField findField() {
        return find;
    }

    private void nextMatch() {
        if (matches.isEmpty()) {
            return;
        }
        String id = matches.get(matchIndex++ % matches.size());
        model.select(List.of(id));
        canvas.reveal(id);
        model.statusProperty().set("Found " + id + " (" + matchIndex + " of " + matches.size() + ")");
    }

    /** Builds the menu bar. */
    public MenuBar menuBar() {
        Menu file = new Menu("File");
        rebuildRecent();
        file.getItems().addAll(
                item("New", MaterialDesignF.FILE_PLUS, "Shortcut+N", files::newPlant),
                item("Open…", MaterialDesignF.FOLDER_OPEN, "Shortcut+O", files::open),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", MaterialDesignC.CONTENT_SAVE, "Shortcut+S", files::save),
                item("Save As…", null, "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                item("Export Bundles…", MaterialDesignP.PACKAGE_VARIANT_CLOSED, "Shortcut+E", this::exportBundles),
                new SeparatorMenuItem(),
                item("Export as PNG…", MaterialDesignF.FILE_IMAGE_OUTLINE, null, () -> export("png")),
                item("Export as SVG…", null, null, () -> export("svg")),
                new SeparatorMenuItem(),
                item("Quit", null, "Shortcut+Q", () -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))));
        MenuItem undo = item("Undo", MaterialDesignU.UNDO, "Shortcut+Z", () -> { if (!typing()) { model.undo(); } });
        undo.textProperty().bind(model.undoTextProperty());
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("Redo", MaterialDesignR.REDO, "Shortcut+Y", () -> { if (!typing()) { model.redo(); } });
        redo.textProperty().bind(model.redoTextProperty());
        redo.disableProperty().bind(model.canRedoProperty().not());
        MenuItem delete = item("Delete", MaterialDesignD.DELETE, "Delete", this::delete);
        delete.disableProperty().bind(Bindings.isEmpty(model.selection()));
        MenuItem disconnect = item("Disconnect from parent", null, null, this::disconnect);
        disconnect.disableProperty().bind(Bindings.isEmpty(model.selection()));
        Menu edit = new Menu("Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Copy", MaterialDesignC.CONTENT_COPY, "Shortcut+C", this::copy),
                item("Paste", MaterialDesignC.CONTENT_PASTE, "Shortcut+V", this::paste),
                delete, disconnect, new SeparatorMenuItem(),
                item("Select All", null, "Shortcut+A", () -> {
                    if (!typing()) {
                        model.select(model.plant().deviceIds());
                    }
                }),
                item("Find Device…", MaterialDesignM.MAGNIFY, "Shortcut+F", () -> {
                    find.requestFocus();
                    find.selectAll();
                }));
        CheckMenuItem darkItem = new CheckMenuItem("Dark Theme");
        darkItem.setGraphic(Icons.of(MaterialDesignT.THEME_LIGHT_DARK));
        darkItem.selectedProperty().bindBidirectional(dark);
        Menu view = new Menu("View");
        view.getItems().addAll(
                item("Zoom In", MaterialDesignM.MAGNIFY_PLUS, "Shortcut+EQUALS", () -> canvas.zoomBy(1.25)),
                item("Zoom Out", MaterialDesignM.MAGNIFY_MINUS, "Shortcut+MINUS", () -> canvas.zoomBy(0.8)),
                item("Fit to Window", MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Shortcut+0", canvas::fit),
                new SeparatorMenuItem(), commissioningItem(), darkItem);
        MenuItem layout = item("Auto-layout", MaterialDesignS.SITEMAP, "Shortcut+L", this::autoLayout);
        layout.disableProperty().bind(layoutRunning);
        MenuItem cancelLayout = item("Cancel Auto-layout", null, null, this::cancelLayout);
        cancelLayout.disableProperty().bind(layoutRunning.not());
        Menu arrange = new Menu("Arrange");
        arrange.getItems().addAll(layout, cancelLayout);
        MenuBar bar = new MenuBar(file, edit, view, arrange);
        bar.setId("main-menu");
        return bar;
    }

    private CheckMenuItem commissioningItem() {
        CheckMenuItem c = new CheckMenuItem("Commissioning View");
        c.setGraphic(Icons.of(MaterialDesignC.CHIP));
        c.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        c.selectedProperty().bindBidirectional(commissioningShown);
        return c;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : files.recent().list()) {
            recentMenu.getItems().add(item(p.getFileName() + "  —  " + p.getParent(), null, null, () -> files.openRecent(p)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Builds the toolbar. */
    public ToolBar toolBar() {
        Button undo = button(MaterialDesignU.UNDO, "Undo (Ctrl+Z)", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.getTooltip().textProperty().bind(model.undoTextProperty());
        Button redo = button(MaterialDesignR.REDO, "Redo (Ctrl+Y)", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.getTooltip().textProperty().bind(model.redoTextProperty());
        Button del = button(MaterialDesignD.DELETE, "Delete selected devices (Del)", this::delete);
        del.disableProperty().bind(Bindings.isEmpty(model.selection()));
        Button layout = button(MaterialDesignS.SITEMAP, "Auto-layout (Ctrl+L)", this::autoLayout);
        layout.disableProperty().bind(layoutRunning);
        Button theme = button(MaterialDesignT.THEME_LIGHT_DARK, "Toggle dark theme", () -> dark.set(!dark.get()));
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        ToolBar tb = new ToolBar(
                button(MaterialDesignF.FILE_PLUS, "New plant (Ctrl+N)", files::newPlant),
                button(MaterialDesignF.FOLDER_OPEN, "Open… (Ctrl+O)", files::open),
                button(MaterialDesignC.CONTENT_SAVE, "Save (Ctrl+S)", files::save),
                new Separator(), undo, redo, del, new Separator(),
                button(MaterialDesignM.MAGNIFY_MINUS, "Zoom out", () -> canvas.zoomBy(0.8)),
                button(MaterialDesignM.MAGNIFY_PLUS, "Zoom in", () -> canvas.zoomBy(1.25)),
                button(MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit to window (Ctrl+0)", canvas::fit),
                layout, new Separator(),
                button(MaterialDesignE.EXPORT, "Export as PNG", () -> export("png")),
                button(MaterialDesignP.PACKAGE_VARIANT_CLOSED, "Export bundles (Ctrl+E)", this::exportBundles),
                grow, find, theme);
        tb.getStyleClass().add("main-toolbar");
        return tb;
    }

    private boolean typing() {
        return stage.getScene() != null && stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
    }

    /** Deletes the selected devices (one command). */
    public void delete() {
        if (!typing() && !model.selection().isEmpty()) {
            model.execute(Commands.delete(List.copyOf(model.selection())));
        }
    }

    private void disconnect() {
        List<String> ids = model.selection().stream().filter(id -> model.plant().deviceOrNull(id).hasParent()).toList();
        if (ids.size() == 1) {
            model.execute(Commands.disconnect(ids.get(0)));
        } else if (!ids.isEmpty()) {
            model.execute(new io.nestedge.app.editor.CompositeCommand("Disconnect " + ids.size() + " devices",
                    ids.stream().map(Commands::disconnect).toList()));
        }
    }

    /** Copies the selected devices to the system clipboard (as a small plant file). */
    public void copy() {
        if (typing()) {
            return;
        }
        String text = CopyPaste.copy(model.plant(), model.selection());
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
            model.statusProperty().set("Copied " + model.selection().size() + " device(s)");
        }
    }

    /** Pastes devices from the clipboard (one command) and selects the copies. */
    public void paste() {
        if (typing()) {
            return;
        }
        Clipboard cb = Clipboard.getSystemClipboard();
        List<Device> ds = CopyPaste.parse(cb.hasString() ? cb.getString() : "");
        if (ds.isEmpty()) {
            model.statusProperty().set("Nothing to paste: copy devices first.");
            return;
        }
        Plant before = model.plant();
        List<String> ids = CopyPaste.copies(before, ds).stream().map(Device::id).toList();
        if (model.execute(CopyPaste.paste(ds))) {
            model.select(ids);
        }
    }

    /** Runs ELK auto-layout off the FX thread; applies it as one command. */
    public void autoLayout() {
        if (layoutRunning.get()) {
            return;
        }
        Plant p = model.plant();
        Task<Map<String, Position>> task = new Task<>() {
            @Override
            protected Map<String, Position> call() {
                return AutoLayout.compute(p, this::isCancelled);
            }
        };
        layoutTask = task;
        layoutRunning.set(true);
        model.statusProperty().set("Laying out " + p.size() + " devices…");
        task.setOnSucceeded(e -> {
            layoutRunning.set(false);
            if (model.plant() != p) {
                model.statusProperty().set("Auto-layout discarded: the plant changed meanwhile. Run it again.");
                return;
            }
            model.execute(Commands.layout(task.getValue()));
            canvas.fit();
        });
        task.setOnFailed(e -> {
            layoutRunning.set(false);
            model.statusProperty().set("Auto-layout failed: " + task.getException());
        });
        task.setOnCancelled(e -> {
            layoutRunning.set(false);
            model.statusProperty().set("Auto-layout cancelled.");
        });
        Thread t = new Thread(task, "nestedge-layout");
        t.setDaemon(true);
        t.start();
    }

    private void cancelLayout() {
        if (layoutTask != null) {
            layoutTask.cancel();
        }
    }

    private void export(String kind) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export canvas as " + kind.toUpperCase(java.util.Locale.ROOT));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT), "*." + kind));
        fc.setInitialFileName(model.plant().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(java.util.Locale.ROOT) + "." + kind);
        java.io.File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            if (kind.equals("png")) {
                CanvasExport.png(canvas, f.toPath());
            } else {
                CanvasExport.svg(model, f.toPath());
            }
            model.statusProperty().set("Exported " + f);
        } catch (IOException e) {
            model.statusProperty().set("Export failed: " + e.getMessage());
        }
    }

    private static MenuItem item(String text, Ikon icon, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (icon != null) {
            m.setGraphic(Icons.of(icon));
        }
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static Button button(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A consumer revealing a device on the canvas (for the findings panel). */
    public Consumer<String> revealer() {
        return canvas::reveal;
    }

}
