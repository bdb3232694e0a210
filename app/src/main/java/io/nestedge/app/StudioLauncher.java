package io.nestedge.app;

import javafx.application.Application;

/**
 * Starts the JavaFX designer. A separate class from the {@code Application} subclass so JavaFX can
 * start from the class path (shaded jar, {@code mvn javafx:run}).
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /**
     * Opens the designer.
     *
     * @param args optional plant file to open
     */
    public static void main(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
