package io.nestedge.commissioning.report;

import io.nestedge.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report as HTML or PDF, atomically (a reader never sees a half-written file), mode 0644: a
 * report holds no secret (certificate fingerprints are public) and is meant to be shared.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Renders and writes the report.
     *
     * @param report the report
     * @param file the output file; its directory is created when missing
     * @param format HTML or PDF
     * @throws IOException when rendering or writing fails (the file is then unchanged)
     */
    public static void write(CommissioningReport report, Path file, ReportFormat format) throws IOException {
        byte[] bytes = switch (format) {
            case HTML -> HtmlReportRenderer.render(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReportRenderer.render(report);
        };
        AtomicFiles.write(file, bytes, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
