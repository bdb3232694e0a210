package io.nestedge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nestedge.model.export.ConfigLint;
import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
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

/** {@code nestedge lint-config FILE [--json]}: lints an IoT Edge config.toml (or the template). */
@Command(name = "lint-config", mixinStandardHelpOptions = true,
        // the header is the one-line summary in "nestedge --help" (the description starts with a list)
        header = "Lints an IoT Edge config.toml (or its template) for nested-edge mistakes.",
        description = {"Lints an IoT Edge config.toml (or /etc/aziot/config.toml.edge.template) for nested-edge "
                        + "mistakes:",
                "TOML syntax (with line and column), top-level keys inside a table, file:// URIs, [edge_ca] "
                        + "pairs, [provisioning], DPS with a parent, $upstream, hostnames.",
                "Exit code 0: no errors (warnings allowed); 1: errors found; 2: unreadable file."})
public final class LintConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "config.toml to lint.")
    Path file;

    @Option(names = "--json", description = "Print findings as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Finding> findings;
        try {
            findings = ConfigLint.lint(file);
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("errors", errors);
            doc.put("warnings", warnings);
            doc.put("infos", infos);
            doc.put("findings", findings);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            for (Finding f : findings) {
                out.println(f.toLine());
            }
            out.printf("%s: %d error(s), %d warning(s), %d info(s)%n", file, errors, warnings, infos);
        }
        out.flush();
        return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
