package io.nestedge.app.cli;

import io.nestedge.model.rules.RuleCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nestedge rules}: prints the rule catalog (ID, severity, source, one-line description). */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every validation rule: ID, severity, source in the facts file, description.")
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RuleCatalog.lines().forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
