package io.nestedge.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nestedge} command: one subcommand per job. Exit codes are {@link ExitCodes}. Errors are
 * one line on standard error, never a stack trace (set {@value #DEBUG_ENV}=1 to get one).
 */
@Command(name = "nestedge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "NestEdge Studio: design, certify and commission nested Azure IoT Edge hierarchies.",
        subcommands = {ValidateCommand.class, RulesCommand.class, ImportCommand.class, ExportYamlCommand.class,
                LintConfigCommand.class, ExportCommand.class, PlanCommand.class, CommissionCommand.class,
                ExportAnsibleCommand.class, RehearseCommand.class, ReportCommand.class, StudioCommand.class,
                CommandLine.HelpCommand.class})
public final class NestEdgeCli implements Runnable {
    /** Environment variable that makes the CLI print the stack trace of an unexpected error. */
    public static final String DEBUG_ENV = "NESTEDGE_DEBUG";

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
            // Never a stack trace on the technician's terminal (the message is all they can act on).
            java.io.IOException ioe = ex instanceof java.io.IOException i ? i
                    : ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
            if (ioe != null) {
                cmd.getErr().println("error: " + io.nestedge.model.io.FileErrors.reason(ioe) + ". Fix: Check the path and its permissions.");
            } else {
                cmd.getErr().println("error: NestEdge Studio failed unexpectedly (" + ex + "). This is a bug: please report it with "
                        + "the command you ran" + (System.getenv(DEBUG_ENV) == null ? " and its output with " + DEBUG_ENV + "=1 set." : "."));
            }
            if (System.getenv(DEBUG_ENV) != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCodes.UNUSABLE;
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
