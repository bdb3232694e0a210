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
    public Integer call() {
        io.nestedge.app.StudioLauncher.main(plantFile == null ? new String[0] : new String[] {plantFile.toString()});
        return ExitCodes.OK;
    }
}
