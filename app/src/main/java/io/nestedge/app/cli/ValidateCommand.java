package io.nestedge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nestedge validate PLANT [--json]}: prints every finding and a summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates a plant file against every nested IoT Edge rule.",
                "Exit code 0: no errors (warnings allowed); 1: errors found; 2: unreadable plant file."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--json", description = "Print findings as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Plant plant = PlantFile.read(plantFile);
        List<Finding> findings = Validator.validate(plant);
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("plant", plantFile.toString());
            doc.put("devices", plant.size());
            doc.put("errors", errors);
            doc.put("warnings", warnings);
            doc.put("infos", infos);
            doc.put("findings", findings);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            for (Finding f : findings) {
                out.println(f.toLine());
            }
            out.printf("%s: %d devices, %d error(s), %d warning(s), %d info(s)%n", plantFile, plant.size(), errors,
                    warnings, infos);
        }
        return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
