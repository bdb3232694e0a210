package io.nestedge.app.cli;

import io.nestedge.commissioning.ansible.AnsibleExporter;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.io.PlantFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nestedge export-ansible PLANT --bundle DIR -o DIR}: inventory and playbook doing the same steps. */
@Command(name = "export-ansible", mixinStandardHelpOptions = true,
        description = {"Writes an Ansible inventory, ssh_config (jump chains through parents, strict host keys) "
                        + "and a playbook that performs the same install steps as 'commission', for large fleets. "
                        + "Needs bundles with plain keys (export --plain-keys).",
                "Run:  cd DIR && ansible-playbook -K playbook.yml",
                "Exit code 0: written; 1: the plant has validation errors; 2: unusable input."})
public final class ExportAnsibleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "Export directory made by 'nestedge export --plain-keys'.")
    Path bundleDir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Where to write the Ansible files.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plant plant = PlantFile.read(plantFile);
        // As export and commission: nothing is written for a plant the runtime would refuse (its values go into
        // ssh_config and into scripts that run as root).
        if (PlantChecks.refuseErrors(plant, plantFile, spec.commandLine().getErr())) {
            return ExitCodes.FINDINGS;
        }
        try {
            AnsibleExporter.export(plant, Bundles.readAll(bundleDir), bundleDir, output);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("error: cannot write the Ansible files to " + output + ": "
                    + io.nestedge.model.io.FileErrors.reason(e) + ". Fix: Choose a folder you can write to (-o DIR).");
            return ExitCodes.UNUSABLE;
        }
        spec.commandLine().getOut().println("Ansible files written to " + output
                + ". Put the devices' host keys in " + output.resolve("known_hosts") + ", then: cd " + output
                + " && ansible-playbook -K playbook.yml");
        return ExitCodes.OK;
    }
}
