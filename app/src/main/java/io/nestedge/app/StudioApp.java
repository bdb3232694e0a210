package io.nestedge.app;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.files.RecoveryStore;
import io.nestedge.app.ui.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the designer window on the plant file given as first argument (or
 * an empty plant, offering crash recovery). Preferences live under the node
 * {@code io/nestedge/studio} unless the system property {@code nestedge.prefs.node} names another.
 */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Preferences prefs = Preferences.userRoot().node(System.getProperty("nestedge.prefs.node", "io/nestedge/studio"));
        MainWindow w = new MainWindow(stage, new DesignerModel(), prefs, new RecoveryStore(RecoveryStore.defaultDir()));
        w.commissioning().setOpenDocument(getHostServices()::showDocument);
        w.show(args.isEmpty() ? null : Path.of(args.get(0)));
    }
}
