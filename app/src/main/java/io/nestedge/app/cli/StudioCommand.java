package io.nestedge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nestedge studio [PLANT]}: opens the designer (the only command that starts JavaFX). */
@Command(name = "studio", mixinStandardHelpOptions = true, description = "Opens NestEdge Studio (the designer).")
public final class StudioCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANT", description = "Plant file to open.")
    Path plantFile;

    @Override
    public Integer call() throws io.nestedge.model.io.InputException {
        if (plantFile != null) {
            io.nestedge.model.io.PlantFile.read(plantFile); // a clear error before any window opens
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            System.err.println("error: no display to open the designer on (DISPLAY is not set). Run it in a desktop session, "
                    + "or use the CLI commands (nestedge --help).");
            return ExitCodes.UNUSABLE;
        }
        io.nestedge.app.StudioLauncher.main(plantFile == null ? new String[0] : new String[] {plantFile.toString()});
        return ExitCodes.OK;
    }
}
