package io.nestedge.app.ui;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecentFiles;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.app.ui.canvas.DesignerCanvas;
import io.nestedge.app.ui.commission.CanvasRunBinding;
import io.nestedge.app.ui.commission.CommissioningPane;
import io.nestedge.app.ui.commission.ExportWizard;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The designer window (the shell): menu and toolbar on top, palette left, canvas centre with the
 * commissioning view below it, inspector and findings right, status bar below. It wires the views to one {@link DesignerModel}; window
 * geometry, split positions and theme are remembered in {@link Preferences}.
 */
public final class MainWindow {
    private final Stage stage;
    private final DesignerModel model;
    private final DesignerCanvas canvas;
    private final FileController files;
    private final DesignerActions actions;
    private final Preferences prefs;
    private final SplitPane main;
    private final SplitPane right;
    private final SplitPane centre;
    private final CommissioningPane commissioning;
    private final Scene scene;

    /**
     * Builds the window.
     *
     * @param stage the stage to fill
     * @param model the engine
     * @param prefs where layout, theme and recent files are kept
     * @param recovery the autosave store
     */
    public MainWindow(Stage stage, DesignerModel model, Preferences prefs, RecoveryStore recovery) {
        this.stage = stage;
        this.model = model;
        this.prefs = prefs;
        this.canvas = new DesignerCanvas(model);
        this.files = new FileController(stage, model, new RecentFiles(prefs), recovery);
        this.actions = new DesignerActions(stage, model, canvas, files);
        InspectorPane inspector = new InspectorPane(model);
        FindingsPane findings = new FindingsPane(model, canvas::reveal, f -> inspector.openSection(f.field()));
        right = new SplitPane(inspector, findings);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(prefs.getDouble("split.right", 0.62));
        PalettePane palette = new PalettePane();
        commissioning = new CommissioningPane(model, runsDir());
        new CanvasRunBinding(canvas, model, commissioning.model());
        centre = new SplitPane(canvas, commissioning);
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centre.setDividerPositions(prefs.getDouble("split.centre", 0.6));
        SplitPane.setResizableWithParent(commissioning, false);
        actions.commissioningShownProperty().addListener((o, a, b) -> {
            if (b && !centre.getItems().contains(commissioning)) {
                centre.getItems().add(commissioning);
                centre.setDividerPositions(prefs.getDouble("split.centre", 0.6));
            } else if (!b) {
                centre.getItems().remove(commissioning);
            }
        });
        actions.setExportWizard(() -> ExportWizard.show(stage, model, canvas::reveal, commissioning));
        main = new SplitPane(palette, centre, right);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(right, false);
        main.setDividerPositions(prefs.getDouble("split.left", 0.17), prefs.getDouble("split.main", 0.74));
        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(actions.menuBar(), actions.toolBar()));
        root.setBottom(new StatusBar(model, canvas.viewportProperty()));
        root.setId("designer-root");
        javafx.geometry.Rectangle2D at = WindowPlacement.place(prefs.getDouble("window.w", 1400), prefs.getDouble("window.h", 880),
                prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN), screens());
        scene = new Scene(root, at.getWidth(), at.getHeight());
        scene.getStylesheets().add(Theme.designerStylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        if (!Double.isNaN(at.getMinX()) && !Double.isNaN(at.getMinY())) {
            stage.setX(at.getMinX());
            stage.setY(at.getMinY());
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
        actions.darkProperty().set(prefs.getBoolean("theme.dark", false));
        applyTheme();
        actions.darkProperty().addListener((o, a, b) -> {
            prefs.putBoolean("theme.dark", b);
            applyTheme();
        });
        stage.setOnCloseRequest(e -> {
            if (!files.confirmDiscard()) {
                e.consume();
                return;
            }
            saveLayout();
            commissioning.shutdown();
            files.shutdown();
            stage.close();
        });
    }

    /** Visual bounds of every screen, the primary first (for {@link WindowPlacement}). */
    private static java.util.List<javafx.geometry.Rectangle2D> screens() {
        java.util.List<javafx.geometry.Rectangle2D> out = new java.util.ArrayList<>();
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        out.add(primary.getVisualBounds());
        for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
            if (!s.equals(primary)) {
                out.add(s.getVisualBounds());
            }
        }
        return out;
    }

    private void applyTheme() {
        (actions.darkProperty().get() ? Theme.DARK : Theme.LIGHT).apply();
    }

    /**
     * Shows the window: offers crash recovery when the last session did not exit cleanly, else opens
     * {@code file} when given; then starts autosaving. Recovery is offered also when a file is given
     * (the usual start, {@code nestedge studio plant.json}): otherwise the first autosave of the
     * unchanged plant deleted the recovery file, and the changes were lost without a word.
     *
     * @param file plant file from the command line, or null
     */
    public void show(Path file) {
        stage.show();
        if (!files.offerRecovery() && file != null) {
            files.openFile(file);
        }
        canvas.fit();
        files.startAutosave();
        // ELK's first layout in a JVM costs three times a warm one (ADR 1320): warm it up while the user looks.
        io.nestedge.app.editor.layout.AutoLayout.warmUpInBackground(java.time.Duration.ofSeconds(3));
    }

    /** Remembers window geometry and split positions. */
    public void saveLayout() {
        prefs.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
            prefs.putDouble("window.w", scene.getWidth());
            prefs.putDouble("window.h", scene.getHeight());
        }
        double[] d = main.getDividerPositions();
        if (d.length == 2) {
            prefs.putDouble("split.left", d[0]);
            prefs.putDouble("split.main", d[1]);
        }
        prefs.putDouble("split.right", right.getDividerPositions()[0]);
        if (centre.getItems().size() == 2) {
            prefs.putDouble("split.centre", centre.getDividerPositions()[0]);
        }
    }

    /** Where run journals go: {@code -Dnestedge.runs.dir=}, default {@code ~/.nestedge-studio/runs}. */
    static Path runsDir() {
        String p = System.getProperty("nestedge.runs.dir");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".nestedge-studio", "runs");
    }

    /** The commissioning view (tests, screenshots). */
    public CommissioningPane commissioning() {
        return commissioning;
    }

    /** The engine (tests). */
    public DesignerModel model() {
        return model;
    }

    /** The canvas (tests, screenshots). */
    public DesignerCanvas canvas() {
        return canvas;
    }

    /** File actions (tests). */
    public FileController files() {
        return files;
    }

    /** Menu/toolbar actions (tests, screenshots). */
    public DesignerActions actions() {
        return actions;
    }

    /** The scene. */
    public Scene scene() {
        return scene;
    }
}
