package io.nestedge.app;

import io.nestedge.app.cli.NestEdgeCli;
import picocli.CommandLine;

/**
 * Entry point of the shaded jar ({@code java -jar nestedge.jar <command>}). Does not extend
 * {@code javafx.application.Application}: CLI commands never start JavaFX; only {@code studio}
 * opens the designer.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * Runs a CLI command and exits with its code (0 ok, 1 findings/errors in the input, 2 unusable
     * input or usage).
     *
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(NestEdgeCli.run(args));
    }
}
