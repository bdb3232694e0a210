package io.nestedge.commissioning.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Renders the report's XHTML ({@link HtmlReportRenderer}) to PDF with openhtmltopdf (PDFBox), the
 * plant picture through its Batik SVG drawer. No external resource is loaded (the document has none;
 * the renderer is told to refuse any) and SVG scripts are off.
 *
 * <p>Fonts: when DejaVu Sans is installed (it is wherever fontconfig is, e.g. Debian's
 * {@code fonts-dejavu-core}) it is embedded, so device names outside Latin-1 print; otherwise the PDF
 * uses the built-in Helvetica/Courier, which show such characters as '#'.
 */
public final class PdfReportRenderer {
    private static final String[][] FONTS = {
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans", "400", "NORMAL"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans", "700", "NORMAL"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", "DejaVu Sans", "400", "ITALIC"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVu Sans Mono", "400", "NORMAL"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", "700", "NORMAL"},
    };

    private PdfReportRenderer() {
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
        for (String[] f : FONTS) {
            File file = new File(f[0]);
            if (file.isFile()) {
                b.useFont(file, f[1], Integer.valueOf(f[2]), BaseRendererBuilder.FontStyle.valueOf(f[3]), true);
            }
        }
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
