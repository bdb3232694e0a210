package io.nestedge.app.cli;

import io.nestedge.commissioning.virtualplant.ConnectionSheet;
import io.nestedge.commissioning.virtualplant.VirtualPlant;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nestedge rehearse PLANT [--sheet FILE]}: starts a virtual plant (one emulated IoT Edge
 * device per plant device, each an SSH server on 127.0.0.1), prints the connection sheet and waits
 * until Ctrl+C.
 */
@Command(name = "rehearse", mixinStandardHelpOptions = true,
        description = {"Starts emulated devices for every device of the plant (rehearsal mode) and waits until "
                        + "Ctrl+C. Each device is an SSH server on 127.0.0.1 with its own host key; lower layers are "
                        + "reachable only by jumping through their parent.",
                "Exit code 2: unreadable plant file."})
public final class RehearseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--sheet", paramLabel = "FILE",
            description = "Also write the connection sheet as JSON (mode 0600: it holds the rehearsal sudo passwords).")
    Path sheetFile;

    /** Test hook: when set, the command returns after starting instead of waiting for Ctrl+C. */
    CountDownLatch stop;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Plant plant = PlantFile.read(plantFile);
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        try (VirtualPlant vp = VirtualPlant.start(plant)) {
            ConnectionSheet sheet = vp.sheet();
            out.print(sheet.toText());
            if (sheetFile != null) {
                sheet.write(sheetFile);
                out.println("Connection sheet written to " + sheetFile);
            }
            out.println("Virtual plant running. Press Ctrl+C to stop.");
            out.flush();
            Thread hook = new Thread(done::countDown, "rehearse-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            done.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the JVM is exiting; close() below still runs
            }
        }
        return ExitCodes.OK;
    }
}
