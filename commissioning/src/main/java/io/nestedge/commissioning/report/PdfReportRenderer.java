package io.nestedge.commissioning.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Renders the report's XHTML ({@link HtmlReportRenderer}) to PDF with openhtmltopdf (PDFBox), the
 * plant picture through its Batik SVG drawer. No external resource is loaded (the document has none;
 * the renderer is told to refuse any) and SVG scripts are off.
 *
 * <p>Fonts: the PDF standard fonts (Helvetica, Courier), not embedded: the output is the same on every
 * machine and its text extracts and searches as typed (an embedded TrueType font gets PDFBox's Latin
 * ligatures, so "certificate" would extract as "ceU+FB01cate"). IoT Hub device IDs are ASCII; characters
 * outside WinAnsi (Latin-1 and a few more) print as '#'. See ADR 1000.
 */
public final class PdfReportRenderer {
    static {
        // openhtmltopdf logs INFO lines (timings, "Prepare to fly") to java.util.logging, i.e. the CLI's
        // stderr. Keep only errors there; they also reach the diagnostic consumer below.
        XRLog.setLoggerImpl(new ErrorsOnly());
    }

    private PdfReportRenderer() {
    }

    /** Passes SEVERE messages to java.util.logging, drops the rest. */
    private static final class ErrorsOnly implements XRLogger {
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("io.nestedge.report.pdf");

        @Override
        public void log(String where, Level level, String msg) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                LOG.log(level, where + ": " + msg);
            }
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                LOG.log(level, where + ": " + msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // fixed policy
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.SEVERE.intValue();
        }
    }

    /**
     * Renders the report as PDF.
     *
     * @param report the report
     * @return the PDF bytes
     * @throws IOException when the renderer fails (its error-level diagnostics are in the message)
     */
    public static byte[] render(CommissioningReport report) throws IOException {
        return fromXhtml(HtmlReportRenderer.render(report));
    }

    /**
     * Renders an XHTML document (as made by {@link HtmlReportRenderer}) as PDF.
     *
     * @param xhtml the document
     * @return the PDF bytes
     * @throws IOException when the renderer fails
     */
    public static byte[] fromXhtml(String xhtml) throws IOException {
        List<String> errors = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withHtmlContent(xhtml, null);
        b.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        b.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        b.withDiagnosticConsumer((Diagnostic d) -> {
            if (d.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(d.getFormattedMessage());
            }
        });
        b.toStream(out);
        try {
            b.run();
        } catch (RuntimeException e) {
            throw new IOException("the PDF renderer failed: " + e.getMessage()
                    + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")"), e);
        }
        return out.toByteArray();
    }
}
