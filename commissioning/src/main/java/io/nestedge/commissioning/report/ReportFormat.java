package io.nestedge.commissioning.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The report's file formats. */
public enum ReportFormat {
    /** One self-contained XHTML file. */
    HTML,
    /** PDF (A4), rendered from the same XHTML. */
    PDF;

    /**
     * The format a file name implies: {@code .pdf} → PDF, {@code .html}/{@code .htm}/{@code .xhtml} → HTML.
     *
     * @param file the output file
     * @return the format, or empty for any other extension
     */
    public static Optional<ReportFormat> fromFileName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }
}
