package io.nestedge.commissioning.report;

import io.nestedge.model.Layer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the plant as an SVG for the report: one horizontal lane per ISA-95 layer, top layer first
 * (facts §1: the top layer talks to IoT Hub, lower layers only to their parent), devices as boxes
 * coloured by their result, and a line from each parent to each child. Devices are ordered
 * depth-first from the top-layer devices so children sit under their parents; a lane wraps after
 * {@value #COLUMNS} devices. Pure string building, no toolkit. Sizes are SVG user units (CSS pixels).
 */
public final class PlantPicture {
    /** Devices per row in a lane. */
    public static final int COLUMNS = 6;
    /** Above this many devices the report leaves the picture out (it would not fit one PDF page). */
    public static final int MAX_DEVICES = 60;

    private static final int BOX_W = 150;
    private static final int BOX_H = 44;
    private static final int GAP_X = 18;
    private static final int GAP_Y = 22;
    private static final int LANE_HEAD = 24;
    private static final int PAD = 14;
    private static final int MIN_W = 680;
    private static final int ID_CHARS = 19;

    private PlantPicture() {
    }

    /** Where a box went. */
    private record Box(DeviceReport device, int x, int y, int lane, int row) { }

    /**
     * The picture, or empty when there is nothing to draw (no device has a known layer) or more than
     * {@link #MAX_DEVICES} devices.
     *
     * @param report the report (its layers and devices)
     * @return an {@code <svg>} element (XML, namespaced, self-contained) or ""
     */
    public static String svg(CommissioningReport report) {
        List<DeviceReport> devices = report.devices();
        if (devices.isEmpty() || devices.size() > MAX_DEVICES || devices.stream().allMatch(d -> d.layerId().isEmpty())) {
            return "";
        }
        List<Layer> lanes = new ArrayList<>(report.layers());
        Map<String, Integer> laneOf = new HashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            laneOf.put(lanes.get(i).id(), i);
        }
        boolean other = devices.stream().anyMatch(d -> !laneOf.containsKey(d.layerId()));
        if (other) {
            lanes.add(new Layer("?", "Layer unknown", -1));
        }
        Map<Integer, List<DeviceReport>> byLane = new LinkedHashMap<>();
        for (DeviceReport d : depthFirst(devices)) {
            byLane.computeIfAbsent(laneOf.getOrDefault(d.layerId(), lanes.size() - 1), k -> new ArrayList<>()).add(d);
        }
        int cols = byLane.values().stream().mapToInt(l -> Math.min(COLUMNS, l.size())).max().orElse(1);
        int width = Math.max(MIN_W, 2 * PAD + cols * (BOX_W + GAP_X) - GAP_X);
        Map<String, Box> boxes = new LinkedHashMap<>();
        StringBuilder lanesSvg = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        int y = 0;
        int drawn = 0;
        for (int li = 0; li < lanes.size(); li++) {
            List<DeviceReport> inLane = byLane.getOrDefault(li, List.of());
            if (inLane.isEmpty()) {
                continue;
            }
            int rows = (inLane.size() + COLUMNS - 1) / COLUMNS;
            int h = LANE_HEAD + rows * (BOX_H + GAP_Y);
            Layer l = lanes.get(li);
            String bg = drawn++ % 2 == 0 ? "#f6f8fb" : "#edf1f6";
            lanesSvg.append(String.format(Locale.ROOT,
                    "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", y, width, h, bg));
            lanesSvg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d5dbe5\"/>", y, width, y));
            String label = (l.id().equals("?") ? "" : l.id() + " · ") + l.name()
                    + (l.isaLevel() >= 0 ? " (ISA-95 level " + l.isaLevel() + ")" : "");
            labels.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" rx=\"3\" fill=\"%s\" fill-opacity=\"0.92\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\" font-weight=\"bold\" fill=\"#52606d\">%s</text>",
                    PAD - 4, y + 4, (int) (label.length() * 6.6) + 8, bg, PAD, y + 16, Html.esc(label)));
            for (int i = 0; i < inLane.size(); i++) {
                int row = i / COLUMNS;
                int inRow = Math.min(COLUMNS, inLane.size() - row * COLUMNS);
                int rowW = inRow * (BOX_W + GAP_X) - GAP_X;
                int x = (width - rowW) / 2 + (i % COLUMNS) * (BOX_W + GAP_X);
                int by = y + LANE_HEAD + row * (BOX_H + GAP_Y) + GAP_Y / 2 - 4;
                boxes.put(inLane.get(i).deviceId(), new Box(inLane.get(i), x, by, li, row));
            }
            y += h;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plant-picture\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" "
                + "role=\"img\" aria-label=\"Plant picture\">", width, y, width, y));
        svg.append(lanesSvg);
        boolean links = drawsLinks(report);
        if (links) {
            for (Box b : boxes.values()) {
                Box p = boxes.get(b.device().parentId());
                if (p != null) {
                    svg.append(link(p, b));
                }
            }
        }
        svg.append(labels);
        for (Box b : boxes.values()) {
            svg.append(box(b, links));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String link(Box p, Box c) {
        String d;
        if (p.lane() == c.lane() && p.row() == c.row()) {
            boolean right = c.x() > p.x();
            int x1 = right ? p.x() + BOX_W : p.x();
            int x2 = right ? c.x() : c.x() + BOX_W;
            int ym = p.y() + BOX_H / 2;
            d = String.format(Locale.ROOT, "M%d %d L%d %d", x1, ym, x2, ym);
        } else {
            int x1 = p.x() + BOX_W / 2;
            int y1 = p.y() + BOX_H;
            int x2 = c.x() + BOX_W / 2;
            int y2 = c.y();
            int my = (y1 + y2) / 2;
            d = String.format(Locale.ROOT, "M%d %d C%d %d %d %d %d %d", x1, y1, x1, my, x2, my, x2, y2);
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"#8a94a6\" stroke-width=\"1.5\"/>";
    }

    /**
     * Whether the picture draws parent links: only when no lane wraps (at most {@link #COLUMNS} devices
     * per layer); in a wrapped lane the lines would cross every box, so each box names its parent instead.
     */
    public static boolean drawsLinks(CommissioningReport report) {
        java.util.Map<String, Long> perLayer = new java.util.HashMap<>();
        report.devices().forEach(d -> perLayer.merge(d.layerId(), 1L, Long::sum));
        return perLayer.values().stream().allMatch(n -> n <= COLUMNS);
    }

    private static String box(Box b, boolean links) {
        DeviceReport d = b.device();
        String[] c = colours(d.result());
        String id = shorten(d.deviceId(), ID_CHARS);
        String sub = d.result().label() + (links || d.parentId().isEmpty()
                ? (d.kind().isEmpty() ? "" : " · " + d.kind()) : " · under " + shorten(d.parentId(), 14));
        return String.format(Locale.ROOT,
                "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" "
                        + "stroke-width=\"1.5\"%s/><rect x=\"%d\" y=\"%d\" width=\"5\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\" fill=\"#1f2933\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"%s\">%s</text></g>",
                Html.esc(d.deviceId() + ": " + d.result().label()), b.x(), b.y(), BOX_W, BOX_H, c[0], c[1],
                d.result() == DeviceResult.NOT_RUN ? " stroke-dasharray=\"4 3\"" : "",
                b.x() + 1, b.y() + 6, BOX_H - 12, c[1],
                b.x() + 14, b.y() + 19, Html.esc(id),
                b.x() + 14, b.y() + 35, c[2], Html.esc(sub));
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    /** Fill, stroke and text colour per result (the same palette as the HTML badges). */
    static String[] colours(DeviceResult r) {
        return switch (r) {
            case OK -> new String[] {"#e6f4ea", "#1e8e3e", "#137333"};
            case WARNING -> new String[] {"#fef4de", "#e37400", "#9a5200"};
            case FAILED -> new String[] {"#fce8e6", "#d93025", "#a50e0e"};
            case INTERRUPTED -> new String[] {"#f3e8fd", "#8e44d6", "#6a1fb0"};
            case SKIPPED, CANCELLED -> new String[] {"#f1f3f4", "#80868b", "#5f6368"};
            case NOT_RUN -> new String[] {"#ffffff", "#aab2bd", "#5f6368"};
        };
    }

    /** Top-layer devices first, each followed by its subtree; devices whose parent is unknown start a tree. */
    private static List<DeviceReport> depthFirst(List<DeviceReport> devices) {
        Map<String, DeviceReport> byId = new LinkedHashMap<>();
        devices.forEach(d -> byId.put(d.deviceId(), d));
        Map<String, List<DeviceReport>> children = new HashMap<>();
        List<DeviceReport> roots = new ArrayList<>();
        for (DeviceReport d : devices) {
            if (!d.parentId().isEmpty() && byId.containsKey(d.parentId()) && !d.parentId().equals(d.deviceId())) {
                children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
            } else {
                roots.add(d);
            }
        }
        List<DeviceReport> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<DeviceReport> stack = new java.util.ArrayDeque<>();
        for (DeviceReport r : roots) {
            stack.push(r);
            while (!stack.isEmpty()) {
                DeviceReport d = stack.pop();
                if (!seen.add(d.deviceId())) {
                    continue;
                }
                out.add(d);
                List<DeviceReport> ch = children.getOrDefault(d.deviceId(), List.of());
                for (int i = ch.size() - 1; i >= 0; i--) {
                    stack.push(ch.get(i));
                }
            }
        }
        for (DeviceReport d : devices) {
            if (seen.add(d.deviceId())) {
                out.add(d); // parent cycles: the validator reports them; draw them anyway
            }
        }
        return out;
    }
}
