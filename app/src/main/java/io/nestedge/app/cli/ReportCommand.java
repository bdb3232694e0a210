package io.nestedge.app.cli;

import io.nestedge.commissioning.report.CommissioningReport;
import io.nestedge.commissioning.report.ReportFormat;
import io.nestedge.commissioning.report.ReportWriter;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nestedge report JOURNAL -o FILE [--plant PLANT] [--bundle DIR] [--format html|pdf]}: the
 * commissioning report of a run journal, as one self-contained HTML file or a PDF.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the commissioning report of a run journal (HTML or PDF). Several runs in one "
                        + "journal: the latest result per device and step is shown and the runs are listed.",
                "Exit code 0: report written; 2: unusable input (journal, plant, bundles) or output."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Run journal (JSONL) written by a commissioning run.")
    Path journal;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Report file (.html or .pdf).")
    Path output;

    @Option(names = "--plant", paramLabel = "PLANT", description = "Plant file: adds layers, parents, the plant picture and devices never run.")
    Path plantFile;

    @Option(names = "--bundle", paramLabel = "DIR",
            description = "Export directory (one bundle per device): adds root/Edge CA fingerprints and the Edge CA expiry.")
    Path bundleDir;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html or pdf (default: from the output file's extension).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat f;
        if (format != null) {
            try {
                f = ReportFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("error: --format " + format + ": expected html or pdf.");
                return ExitCodes.UNUSABLE;
            }
        } else {
            f = ReportFormat.fromFileName(output).orElse(null);
            if (f == null) {
                err.println("error: " + output + ": cannot tell the format from the extension. Fix: name it .html or .pdf, or give --format.");
                return ExitCodes.UNUSABLE;
            }
        }
        CommissioningReport report;
        try {
            Plant plant = plantFile == null ? null : PlantFile.read(plantFile);
            report = CommissioningReport.read(journal, plant, bundleDir, Instant.now());
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        try {
            ReportWriter.write(report, output, f);
        } catch (IOException e) {
            err.println("error: " + output + ": cannot write the report: " + io.nestedge.model.io.FileErrors.reason(e)
                    + ". Fix: Choose a file in a folder you can write to.");
            return ExitCodes.UNUSABLE;
        }
        report.notes().forEach(n -> err.println("note: " + n));
        out.printf("%s: %s report of %d device(s) from %d run(s)%n", output, f.name(), report.devices().size(), report.runs().size());
        return ExitCodes.OK;
    }
}
