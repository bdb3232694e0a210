package io.nestedge.app.cli;

import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Validation gate shared by the commands that act on devices (plan, commission, export). */
final class PlantChecks {
    private PlantChecks() {
    }

    /**
     * Prints the plant's validation errors and says so when there are any.
     *
     * @return true when the command must stop (exit 1): nothing should touch a device, or a PKI, for
     *     a plant the runtime would refuse
     */
    static boolean refuseErrors(Plant plant, Path plantFile, PrintWriter err) {
        List<Finding> errors = Validator.validate(plant).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return false;
        }
        errors.forEach(f -> err.println(f.toLine()));
        err.println("error: " + plantFile + " has " + errors.size() + " validation error(s); fix them first ('nestedge validate "
                + plantFile + "').");
        return true;
    }
}
