package io.nestedge.app.cli;

import io.nestedge.commissioning.plan.CommissioningPlan;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nestedge plan PLANT --bundle DIR}: prints the commissioning plan as a dry run. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Prints the commissioning plan (dry run): per device, parents first, the SSH route, the "
                        + "staging directory and the exact commands of every step, as they run as root. Touches no "
                        + "device.",
                "Exit code 0: printed; 1: the plant has validation errors; 2: unusable plant or bundles."})
public final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "Export directory made by 'nestedge export'.")
    Path bundleDir;

    @Option(names = "--devices", split = ",", paramLabel = "ID", description = "Only these devices.")
    List<String> devices = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InputException {
        Plant plant = PlantFile.read(plantFile);
        if (PlantChecks.refuseErrors(plant, plantFile, spec.commandLine().getErr())) {
            return ExitCodes.FINDINGS;
        }
        CommissioningPlan plan = CommissioningService.plan(plant, bundleDir, devices);
        spec.commandLine().getOut().print(plan.dryRun());
        return ExitCodes.OK;
    }
}
