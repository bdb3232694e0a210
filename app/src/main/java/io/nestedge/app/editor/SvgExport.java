package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Writes the canvas as a standalone SVG document (pure): lanes with their labels, links from the
 * parent's downstream port to the child's upstream port, and device boxes with ID, hostname, ports
 * and finding badges. Uses a fixed neutral palette (an SVG file has no theme).
 */
public final class SvgExport {
    private SvgExport() {
    }

    /**
     * Renders a plant.
     *
     * @param plant the plant
     * @param findings its findings (for badges)
     * @return SVG text (UTF-8)
     */
    public static String render(Plant plant, FindingsSummary findings) {
        LaneGeometry g = LaneGeometry.of(plant);
        double width = Math.max(g.maxX() + 80, 800);
        double height = g.height();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n", width, height, width, height));
        s.append("<title>").append(esc(plant.name())).append("</title>\n");
        for (LaneGeometry.Lane l : g.lanes()) {
            s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\" fill=\"%s\" stroke=\"#d0d7de\"/>%n",
                    l.top(), width, l.height(), l.index() % 2 == 0 ? "#ffffff" : "#f6f8fa"));
            s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-size=\"14\" font-weight=\"bold\" fill=\"#24292f\">%s</text>%n",
                    l.top() + 22, esc(l.layer().id())));
            s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-size=\"11\" fill=\"#57606a\">%s · ISA-95 level %d</text>%n",
                    l.top() + 38, esc(l.layer().name()), l.layer().isaLevel()));
        }
        for (Device d : plant.devices()) {
            Device parent = plant.deviceOrNull(d.parentId());
            if (parent == null) {
                continue;
            }
            Position pp = g.position(parent.id()).orElseThrow();
            Position cp = g.position(d.id()).orElseThrow();
            List<DevicePorts.Port> ports = DevicePorts.downstream(parent);
            int i = DevicePorts.linkPortIndex(ports, d);
            Position from = i < 0 ? new Position(pp.x() + NodeMetrics.WIDTH / 2, pp.y() + NodeMetrics.HEIGHT)
                    : DevicePorts.downstreamAnchor(pp, i, ports.size());
            Position to = DevicePorts.upstreamAnchor(cp);
            double dy = Math.max(40, Math.abs(to.y() - from.y()) / 2);
            s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    from.x(), from.y(), from.x(), from.y() + dy, to.x(), to.y() - dy, to.x(), to.y(),
                    d.isEdge() ? "#0969da" : "#8c959f", d.isEdge() ? "" : " stroke-dasharray=\"6 5\""));
        }
        for (Device d : plant.devices()) {
            Position p = g.position(d.id()).orElseThrow();
            String stripe = !d.isEdge() ? "#6e7781" : plant.isGateway(d.id()) ? "#0969da" : "#1a7f37";
            s.append(String.format(Locale.ROOT, "<g transform=\"translate(%.1f %.1f)\">%n", p.x(), p.y()));
            s.append(String.format(Locale.ROOT, "<rect width=\"%.0f\" height=\"%.0f\" rx=\"8\" fill=\"#ffffff\" stroke=\"#d0d7de\"/>%n",
                    NodeMetrics.WIDTH, NodeMetrics.HEIGHT));
            s.append(String.format(Locale.ROOT, "<rect width=\"5\" height=\"%.0f\" fill=\"%s\"/>%n", NodeMetrics.HEIGHT, stripe));
            s.append("<text x=\"16\" y=\"24\" font-size=\"13\" font-weight=\"bold\" fill=\"#24292f\">").append(esc(d.id())).append("</text>\n");
            s.append("<text x=\"16\" y=\"42\" font-size=\"11\" fill=\"#57606a\">").append(esc(d.hostname())).append("</text>\n");
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"0\" r=\"6\" fill=\"#ffffff\" stroke=\"#57606a\" stroke-width=\"1.5\"/>%n",
                    NodeMetrics.WIDTH / 2));
            List<DevicePorts.Port> ports = DevicePorts.downstream(d);
            for (int i = 0; i < ports.size(); i++) {
                double x = DevicePorts.portX(i, ports.size());
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.0f\" r=\"6\" fill=\"#ffffff\" stroke=\"#0969da\" stroke-width=\"1.5\"/>%n",
                        x, NodeMetrics.HEIGHT));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">%d</text>%n",
                        x, NodeMetrics.HEIGHT - 10, ports.get(i).port()));
            }
            findings.worst(d.id()).ifPresent(sev -> s.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.0f\" cy=\"18\" r=\"8\" fill=\"%s\"><title>%s</title></circle>%n", NodeMetrics.WIDTH - 18,
                    sev == Severity.ERROR ? "#cf222e" : sev == Severity.WARNING ? "#bf8700" : "#0969da",
                    esc(findings.of(d.id()).size() + " finding(s)"))));
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
