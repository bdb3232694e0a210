package io.nestedge.app.cli;

import io.nestedge.model.DeviceKind;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.io.yaml.EdgeToolFiles;
import io.nestedge.model.io.yaml.EdgeToolFormat;
import io.nestedge.model.io.yaml.ImportOptions;
import io.nestedge.model.io.yaml.ImportResult;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nestedge import FILE --from iotedge-config|az-devices -o PLANT}: builds a plant from a config
 * of Microsoft's nested-edge tools, saves it atomically, validates it and prints the findings.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        // the header is the one-line summary in "nestedge --help" (the description starts with a list)
        header = "Creates a plant file from the YAML config of Microsoft's nested-edge tools (iotedge-config, az-devices).",
        description = {"Creates a plant file from the YAML config of Microsoft's nested-edge tools:",
                "iotedge-config  iotedge_config.yaml of iotedge_config_cli (nested-edge tutorial)",
                "az-devices      config file of 'az iot edge devices create'",
                "Devices go on ISA-95 layers by depth (top layer L5 unless --top-layer). Passwords in the "
                        + "file are never imported.",
                "Exit code 0: imported, no errors; 1: imported, the plant has validation errors; 2: "
                        + "unreadable input, or the plant file exists (use --force)."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Tool config (YAML) to import.")
    Path input;

    @Option(names = "--from", required = true, paramLabel = "FORMAT", converter = EdgeToolFormatConverter.class,
            completionCandidates = EdgeToolFormatConverter.class, description = "Format of FILE: ${COMPLETION-CANDIDATES}.")
    EdgeToolFormat format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PLANT", description = "Plant file (JSON) to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite PLANT if it exists.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", description = "Plant name (default: FILE's name without extension).")
    String name;

    @Option(names = "--top-layer", paramLabel = "LAYER",
            description = "ISA-95 layer of the top-layer devices: L5 (default), L4, L3, L2, L1 or L0.")
    String topLayer;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(output) && !force) {
            err.println("error: " + output + " exists; use --force to overwrite it.");
            return ExitCodes.UNUSABLE;
        }
        ImportResult result;
        try {
            result = EdgeToolFiles.read(input, format, new ImportOptions(name, topLayer));
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        Plant plant = result.plant();
        try {
            PlantFile.write(plant, output);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + io.nestedge.model.io.FileErrors.reason(e)
                    + ". Fix: Choose a file in a folder you can write to.");
            return ExitCodes.UNUSABLE;
        }
        result.warnings().forEach(w -> err.println("warning: " + w));
        List<Finding> findings = Validator.validate(plant);
        findings.forEach(f -> out.println(f.toLine()));
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long leaves = plant.devices().stream().filter(d -> d.kind() == DeviceKind.LEAF).count();
        out.printf("Imported %d devices (%d IoT Edge, %d leaf) from %s (%s) into %s; %d validation error(s).%n",
                plant.size(), plant.size() - leaves, leaves, input, format.cliName(), output, errors);
        return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
