package io.nestedge.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nestedge} command: one subcommand per job. Exit codes are {@link ExitCodes}.
 */
@Command(name = "nestedge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "NestEdge Studio: design, certify and commission nested Azure IoT Edge hierarchies.",
        subcommands = {ValidateCommand.class, RulesCommand.class, ImportCommand.class, ExportYamlCommand.class,
                LintConfigCommand.class, ExportCommand.class, PlanCommand.class, CommissionCommand.class,
                ExportAnsibleCommand.class, RehearseCommand.class, ReportCommand.class, StudioCommand.class,
                CommandLine.HelpCommand.class})
public final class NestEdgeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with the project's error and exit-code conventions.
     *
     * @param out standard output
     * @param err standard error
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NestEdgeCli());
        cl.setOut(out);
        cl.setErr(err);
        // help as wide as the terminal (at least 80 columns), so paragraphs wrap between words, not inside paths
        cl.setUsageHelpAutoWidth(true);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.UNUSABLE);
        // Unusable input (unreadable plant, bundles, secrets): one line naming the file and the fix, exit 2.
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof io.nestedge.model.io.InputException || ex instanceof Passphrases.Unavailable) {
                cmd.getErr().println("error: " + ex.getMessage());
                return ExitCodes.UNUSABLE;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.UNUSABLE;
        });
        return cl;
    }

    /** Runs the CLI on the process's standard streams and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return commandLine(out, err).execute(args);
        } finally {
            // print() does not auto-flush: without this a long dry run could be cut off by System.exit.
            out.flush();
            err.flush();
        }
    }
}
