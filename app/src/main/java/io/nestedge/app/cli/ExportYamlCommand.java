package io.nestedge.app.cli;

import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.io.yaml.EdgeToolFiles;
import io.nestedge.model.io.yaml.EdgeToolFormat;
import io.nestedge.model.io.yaml.ExportResult;
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
 * {@code nestedge export-yaml PLANT --to iotedge-config|az-devices -o FILE}: writes a plant as the YAML
 * config of Microsoft's nested-edge tools, atomically, after validating the plant.
 */
@Command(name = "export-yaml", mixinStandardHelpOptions = true, sortOptions = false,
        // the header is the one-line summary in "nestedge --help" (the description starts with a list)
        header = "Writes a plant as the YAML config of Microsoft's nested-edge tools (iotedge-config, az-devices).",
        description = {"Writes a plant as the YAML config of Microsoft's nested-edge tools:",
                "iotedge-config  iotedge_config.yaml of iotedge_config_cli (nested-edge tutorial)",
                "az-devices      config file of 'az iot edge devices create' (no leaf devices)",
                "What the format cannot hold (leaf devices, registry passwords, …) is reported as warnings.",
                "Exit code 0: written (validation errors are reported as a warning); 1: the plant forms no "
                        + "tool hierarchy (nothing written); 2: unreadable plant, or FILE exists (use --force)."})
public final class ExportYamlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = EdgeToolFormatConverter.class,
            completionCandidates = EdgeToolFormatConverter.class, description = "Format to write: ${COMPLETION-CANDIDATES}.")
    EdgeToolFormat format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "YAML file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

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
        Plant plant;
        try {
            plant = PlantFile.read(plantFile);
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        // The tool formats carry the hierarchy only (no modules, ports, routes): module and port findings do not
        // stop the conversion; a plant that forms no tool hierarchy (cycle, missing parent) is refused below.
        List<Finding> errors = Validator.validate(plant).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            err.println("warning: " + plantFile + " has " + errors.size() + " validation error(s) (see 'nestedge validate');"
                    + " the tool config is written anyway.");
        }
        ExportResult result;
        try {
            result = EdgeToolFiles.write(plant, format, plantFile.toString(), output);
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + io.nestedge.model.io.FileErrors.reason(e)
                    + ". Fix: Choose a file in a folder you can write to.");
            return ExitCodes.UNUSABLE;
        }
        result.warnings().forEach(w -> err.println("warning: " + w));
        out.printf("Wrote %s (%s) from %s: %d device(s), %d warning(s).%n", output, format.cliName(), plantFile,
                plant.size(), result.warnings().size());
        return ExitCodes.OK;
    }
}
