package io.nestedge.commissioning.report;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.ModuleStatus;
import io.nestedge.commissioning.probe.TlsProbe;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.model.bundle.BundleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One device's section of the HTML report: diagnosis cards (cause, fix, source), steps, the
 * {@code iotedge check} table, modules, parent TLS verification and certificates (facts §4, §6).
 */
final class DeviceSection {
    /** Lines of a failed step's log shown in the report (its end, where the error is). */
    static final int LOG_TAIL_LINES = 30;
    /** An Edge CA expiring sooner than this is flagged (edgeHub's server certificate lives ~30 days, facts §4). */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private DeviceSection() {
    }

    static void render(StringBuilder h, DeviceReport d, String anchor, CommissioningReport r) {
        h.append("<div class=\"device\" id=\"").append(anchor).append("\">\n<h2>").append(Html.esc(d.deviceId()))
                .append(' ').append(HtmlReportRenderer.badge(d.result())).append("</h2>\n<p class=\"device-meta\">");
        StringBuilder meta = new StringBuilder();
        add(meta, d.kind());
        add(meta, d.layerId().isEmpty() ? "" : "layer " + d.layerId());
        add(meta, d.parentId().isEmpty() ? (d.layerId().isEmpty() ? "" : "top layer (no parent)") : "parent " + d.parentId());
        add(meta, d.hostname().isEmpty() ? "" : "hostname " + d.hostname());
        add(meta, !d.displayName().equals(d.deviceId()) ? "“" + d.displayName() + "”" : "");
        add(meta, d.runId().isEmpty() || r.runs().size() < 2 ? "" : "latest run " + d.runId());
        h.append(Html.esc(meta.toString())).append("</p>\n");
        if (!d.summary().isEmpty() && d.result() != DeviceResult.OK) {
            h.append("<p><b>").append(Html.esc(d.summary())).append("</b></p>\n");
        }
        diagnosis(h, d);
        steps(h, d);
        check(h, d.evidence());
        modules(h, d.evidence());
        tls(h, d.evidence());
        certificates(h, d.bundle(), r.generatedAt());
        h.append("</div>\n");
    }

    private static void add(StringBuilder sb, String part) {
        if (!part.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " · ").append(part);
        }
    }

    private static void diagnosis(StringBuilder h, DeviceReport d) {
        if (d.remarks().isEmpty()) {
            return;
        }
        h.append("<h3>Diagnosis</h3>\n");
        for (Remark m : d.remarks()) {
            h.append("<div class=\"card\"><div class=\"label\">Cause</div><div class=\"cause\">").append(Html.esc(m.cause()))
                    .append("</div>");
            if (!m.fix().isEmpty()) {
                h.append("<div class=\"fix\"><span class=\"label\">Fix</span> ").append(Html.esc(m.fix())).append("</div>");
            }
            if (!m.source().isEmpty() || !m.remedyId().isEmpty()) {
                h.append("<div class=\"source\">");
                if (!m.source().isEmpty()) {
                    h.append("Source: ").append(Html.esc(m.source()));
                }
                if (!m.remedyId().isEmpty()) {
                    h.append(m.source().isEmpty() ? "" : " · ").append("NestEdge can apply this fix: <code>")
                            .append(Html.esc(m.remedyId())).append("</code>");
                }
                h.append("</div>");
            }
            h.append("</div>\n");
        }
    }

    private static void steps(StringBuilder h, DeviceReport d) {
        if (d.steps().isEmpty()) {
            h.append("<p class=\"muted\">No step of this device is in the journal.</p>\n");
            return;
        }
        h.append("<h3>Steps</h3>\n<table><thead><tr><th class=\"num\" style=\"width:4%\">#</th><th style=\"width:34%\">Step</th>"
                + "<th style=\"width:12%\">Status</th><th>Summary</th></tr></thead><tbody>\n");
        int i = 1;
        for (StepEntry s : d.steps()) {
            boolean stale = !s.runId().equals(d.runId());
            h.append("<tr><td class=\"num muted\">").append(i++).append("</td><td>").append(Html.esc(s.title()))
                    .append("<br/><span class=\"mono muted\">").append(Html.esc(s.stepId())).append("</span></td><td>")
                    .append(HtmlReportRenderer.badge(DeviceResult.of(s.status()))).append("</td><td class=\"wrap\">")
                    .append(Html.esc(s.summary()));
            if (s.fromJournal()) {
                h.append(" <span class=\"muted small\">(skipped on resume)</span>");
            }
            if (stale) {
                h.append(" <span class=\"muted small\">(from an earlier run").append(s.runId().isEmpty() ? "" : ", " + Html.esc(s.runId()))
                        .append(")</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        for (StepEntry s : d.steps()) {
            if (s.status() == io.nestedge.commissioning.run.StepStatus.FAILED && !s.output().isBlank()) {
                h.append("<p class=\"small\"><b>Output of ").append(Html.esc(s.title())).append("</b>")
                        .append(" <span class=\"muted\">(last ").append(LOG_TAIL_LINES).append(" lines)</span></p>\n<pre class=\"log\">")
                        .append(Html.esc(tail(s.output(), LOG_TAIL_LINES))).append("</pre>\n");
            }
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.stripTrailing().split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return (from > 0 ? "…\n" : "") + String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }

    private static void check(StringBuilder h, RuntimeEvidence e) {
        if (e.check() == null && e.checkProblem().isEmpty()) {
            return;
        }
        h.append("<h3>iotedge check</h3>\n");
        if (e.check() == null) {
            h.append("<p class=\"problem\">The check's output could not be read: ").append(Html.esc(e.checkProblem())).append("</p>\n");
            return;
        }
        long[] c = e.checkCounts();
        h.append("<p class=\"small\">").append(c[0]).append(" ok, ").append(Fmt.count(c[1], "warning")).append(", ")
                .append(Fmt.count(c[2], "error")).append(c[3] > 0 ? ", " + c[3] + " skipped or ignored" : "");
        String version = e.check().additionalInfo().getOrDefault("aziot_edged_version", "");
        if (!version.isEmpty()) {
            h.append(" · aziot-edged ").append(Html.esc(version));
        }
        h.append("</p>\n<table><thead><tr><th style=\"width:30%\">Check</th><th style=\"width:11%\">Result</th><th>Details</th></tr></thead><tbody>\n");
        for (CheckEntry ce : e.check().checks()) {
            String res = ce.result().name().toLowerCase(Locale.ROOT);
            h.append("<tr><td class=\"mono wrap\">").append(Html.esc(ce.id() == null ? ce.description() : ce.id()))
                    .append("</td><td>").append(HtmlReportRenderer.badge(res, res)).append("</td><td class=\"wrap small\">");
            List<String> details = ce.details();
            for (int i = 0; i < details.size(); i++) {
                h.append(i == 0 ? "" : "<br/>").append(Html.esc(details.get(i)));
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void modules(StringBuilder h, RuntimeEvidence e) {
        if (e.modules() == null && e.modulesProblem().isEmpty()) {
            return;
        }
        h.append("<h3>Modules (iotedge list)</h3>\n");
        if (e.modules() == null) {
            h.append("<p class=\"problem\">The module list could not be read: ").append(Html.esc(e.modulesProblem())).append("</p>\n");
            return;
        }
        h.append("<table><thead><tr><th style=\"width:22%\">Module</th><th style=\"width:12%\">Status</th>"
                + "<th style=\"width:24%\">Description</th><th>Image</th></tr></thead><tbody>\n");
        for (ModuleStatus m : e.modules()) {
            String st = m.state().name().toLowerCase(Locale.ROOT);
            h.append("<tr><td class=\"wrap\"><b>").append(Html.esc(m.name())).append("</b></td><td>")
                    .append(HtmlReportRenderer.badge(st, st)).append("</td><td>").append(Html.esc(m.description()))
                    .append("</td><td class=\"mono wrap\">").append(Html.esc(m.image())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void tls(StringBuilder h, RuntimeEvidence e) {
        if (e.tls().isEmpty()) {
            return;
        }
        h.append("<h3>Parent TLS verification</h3>\n<table><thead><tr><th style=\"width:26%\">Parent endpoint</th>")
                .append("<th style=\"width:14%\">Result</th><th style=\"width:30%\">Server certificate</th><th>Verification</th></tr></thead><tbody>\n");
        for (RuntimeEvidence.TlsResult t : e.tls()) {
            h.append("<tr><td class=\"mono wrap\">").append(Html.esc(t.target())).append("</td><td>");
            TlsProbe p = t.probe();
            if (p == null) {
                h.append(HtmlReportRenderer.badge("failed", "unreadable")).append("</td><td colspan=\"2\" class=\"wrap\">")
                        .append(Html.esc(t.problem())).append("</td></tr>\n");
                continue;
            }
            h.append(t.ok() ? HtmlReportRenderer.badge("ok", "verified") : HtmlReportRenderer.badge("failed", "not verified"))
                    .append("</td><td class=\"wrap\">");
            if (!p.connected()) {
                h.append("no connection");
            } else {
                h.append("CN ").append(Html.esc(p.subjectCn().orElse("?")));
                p.issuerCn().ifPresent(i -> h.append("<br/><span class=\"muted small\">issued by ").append(Html.esc(i)).append("</span>"));
                if (!p.sans().isEmpty()) {
                    h.append("<br/><span class=\"muted small\">SAN ").append(Html.esc(String.join(", ", p.sans()))).append("</span>");
                }
                if (!p.namesHost(t.host())) {
                    h.append("<br/><span class=\"problem small\">does not name ").append(Html.esc(t.host())).append("</span>");
                }
            }
            h.append("</td><td class=\"wrap small\">");
            if (p.verifyCode() >= 0) {
                h.append("return code ").append(p.verifyCode()).append(" (").append(Html.esc(p.verifyText())).append(')');
            }
            for (String err : p.verifyErrors()) {
                h.append("<br/>").append(Html.esc(err));
            }
            for (String err : p.errors()) {
                h.append("<br/>").append(Html.esc(err));
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void certificates(StringBuilder h, BundleInfo b, Instant now) {
        if (b == null) {
            return;
        }
        h.append("<h3>Certificates (from the bundle)</h3>\n<table><tbody>\n");
        h.append("<tr><td style=\"width:24%\">Root CA SHA-256</td><td class=\"mono wrap\">").append(Html.esc(b.rootCaSha256()))
                .append("</td></tr>\n");
        if (!b.edgeCaSha256().isEmpty()) {
            h.append("<tr><td>Edge CA SHA-256</td><td class=\"mono wrap\">").append(Html.esc(b.edgeCaSha256())).append("</td></tr>\n");
        }
        if (!b.edgeCaNotAfter().isEmpty()) {
            Instant exp = Fmt.instant(b.edgeCaNotAfter());
            h.append("<tr><td>Edge CA expires</td><td>");
            if (exp == null) {
                h.append(Html.esc(b.edgeCaNotAfter()));
            } else {
                long days = Duration.between(now, exp).toDays();
                String cls = exp.isBefore(now) ? "failed" : Duration.between(now, exp).compareTo(EXPIRY_WARNING) < 0 ? "warning" : "ok";
                String words = exp.isBefore(now) ? "expired" : days == 0 ? "expires today" : "in " + days + " day" + (days == 1 ? "" : "s");
                h.append(Html.esc(Fmt.day(exp))).append(' ').append(HtmlReportRenderer.badge(cls, words));
            }
            h.append("</td></tr>\n");
        }
        h.append("<tr><td>Bundle exported</td><td>").append(Html.esc(Fmt.time(b.exportedAt())))
                .append(b.tool() == null || b.tool().isEmpty() ? "" : " <span class=\"muted small\">by " + Html.esc(b.tool()) + "</span>").append("</td></tr>\n");
        h.append("</tbody></table>\n");
    }
}
