package io.nestedge.commissioning.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nestedge.commissioning.probe.CheckReport;
import io.nestedge.commissioning.probe.CheckResult;
import io.nestedge.commissioning.probe.IotedgeCheckJsonParser;
import io.nestedge.commissioning.probe.IotedgeCheckTextParser;
import io.nestedge.commissioning.probe.IotedgeListParser;
import io.nestedge.commissioning.probe.ModuleStatus;
import io.nestedge.commissioning.probe.OpenSslSClientParser;
import io.nestedge.commissioning.probe.ProbeParseException;
import io.nestedge.commissioning.probe.TlsProbe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the verification steps saw on a device, re-read from their journalled logs with the probe
 * parsers (facts §6): the {@code iotedge check --output json} results (or the {@code iotedge check
 * --verbose} text the engine ran on devices without the JSON form), the {@code iotedge list}
 * modules and the parent TLS probes ({@code openssl s_client}). A probe whose output the parsers do
 * not understand is kept as a problem text, never dropped silently.
 *
 * @param check the check results, or null when no check ran or its output was not understood
 * @param checkProblem why {@code check} is null although a check ran, or empty
 * @param modules the modules, or null when {@code iotedge list} did not run or was not understood
 * @param modulesProblem why {@code modules} is null although the command ran, or empty
 * @param tls one entry per parent port probed
 */
public record RuntimeEvidence(CheckReport check, String checkProblem, List<ModuleStatus> modules, String modulesProblem,
        List<TlsResult> tls) {
    private static final Pattern CONNECT = Pattern.compile("-connect\\s+'?([^'\\s]+)'?");
    private static final JsonFactory JSON = new JsonFactory();

    /** No evidence. */
    public static final RuntimeEvidence NONE = new RuntimeEvidence(null, "", null, "", List.of());

    /** Normalises nulls and copies the lists. */
    public RuntimeEvidence {
        checkProblem = checkProblem == null ? "" : checkProblem;
        modulesProblem = modulesProblem == null ? "" : modulesProblem;
        modules = modules == null ? null : List.copyOf(modules);
        tls = tls == null ? List.of() : List.copyOf(tls);
    }

    /**
     * One TLS probe of the parent.
     *
     * @param target {@code host:port} as probed
     * @param probe what s_client showed, or null when its output was not understood
     * @param problem why {@code probe} is null, or empty
     */
    public record TlsResult(String target, TlsProbe probe, String problem) {
        /** Normalises nulls. */
        public TlsResult {
            target = target == null ? "" : target;
            problem = problem == null ? "" : problem;
        }

        /** The host part of the target. */
        public String host() {
            int c = target.lastIndexOf(':');
            return c < 0 ? target : target.substring(0, c);
        }

        /** True when connected, verified against the root CA and the certificate names the host. */
        public boolean ok() {
            return probe != null && probe.connected() && probe.verified() && probe.namesHost(host());
        }
    }

    /**
     * Reads the evidence from the logs of the {@code verify-runtime} and {@code verify-parent-tls} steps.
     *
     * @param runtimeLog the verify-runtime step's output, or null
     * @param tlsLog the verify-parent-tls step's output, or null
     * @return the evidence (never null)
     */
    public static RuntimeEvidence read(String runtimeLog, String tlsLog) {
        CheckReport check = null;
        String checkProblem = "";
        List<ModuleStatus> modules = null;
        String modulesProblem = "";
        if (runtimeLog != null) {
            for (CommandSection s : CommandSection.split(runtimeLog)) {
                if (s.runs("iotedge check")) {
                    try {
                        // The JSON form, or the text form run after a device refused --output json (facts §6).
                        check = s.command().contains("--output json") ? IotedgeCheckJsonParser.parse(firstJsonValue(s.text()))
                                : IotedgeCheckTextParser.parse(s.text());
                        checkProblem = "";
                    } catch (ProbeParseException e) {
                        checkProblem = e.getMessage();
                    }
                } else if (s.runs("iotedge list")) {
                    try {
                        modules = IotedgeListParser.parse(s.text());
                        modulesProblem = "";
                    } catch (ProbeParseException e) {
                        modulesProblem = e.getMessage();
                    }
                }
            }
        }
        List<TlsResult> tls = new ArrayList<>();
        if (tlsLog != null) {
            for (CommandSection s : CommandSection.split(tlsLog)) {
                if (!s.runs("openssl s_client")) {
                    continue;
                }
                Matcher m = CONNECT.matcher(s.command());
                String target = m.find() ? m.group(1) : "";
                try {
                    tls.add(new TlsResult(target, OpenSslSClientParser.parse(s.text()), ""));
                } catch (ProbeParseException e) {
                    tls.add(new TlsResult(target, null, e.getMessage()));
                }
            }
        }
        return new RuntimeEvidence(check, checkProblem, modules, modulesProblem, tls);
    }

    /**
     * The first JSON value in a command's text: the check prints one JSON document on standard output;
     * standard error (warnings) may follow it in the journalled text.
     */
    static String firstJsonValue(String text) {
        int start = text.indexOf('{');
        if (start < 0) {
            return text;
        }
        String rest = text.substring(start);
        try (JsonParser p = JSON.createParser(rest)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                p.skipChildren();
                long end = p.currentLocation().getCharOffset();
                if (end > 0 && end <= rest.length()) {
                    return rest.substring(0, (int) end);
                }
            }
        } catch (IOException e) {
            // Not JSON: hand the text to the parser, whose error names the line.
        }
        return text;
    }

    /** Check counts: {@code [ok, warning, error+fatal, skipped+ignored]}, or null without a check. */
    public long[] checkCounts() {
        if (check == null) {
            return null;
        }
        long[] c = new long[4];
        for (var e : check.checks()) {
            CheckResult r = e.result();
            int i = switch (r) {
                case OK -> 0;
                case WARNING -> 1;
                case ERROR, FATAL -> 2;
                case SKIPPED, IGNORED -> 3;
            };
            c[i]++;
        }
        return c;
    }
}
