package io.nestedge.app.editor;

import io.nestedge.model.Position;

/**
 * The shape of a parent→child link on the designer canvas, as a chain of cubic Bézier segments
 * (pure arithmetic, no toolkit). A shape is a {@code double[]} of {@code 2 + 6·k} numbers: the start
 * point, then per segment control 1, control 2 and end point (x, y each, content pixels).
 *
 * <p>The link leaves the parent's downstream port downwards and enters the child's upstream port
 * from above. When the child's top is at least {@link #ORDINARY_GAP} below the port (the ordinary
 * case: the child is in a lower row) the link is one cubic with vertical tangents, as it always was.
 * When the child is in the same row, left of or above its parent, one cubic would pass behind the
 * nodes; the link then goes down below both nodes, across, up beside the child (through the gap
 * between the two nodes when there is room, else round the child's or both nodes' outer side), over
 * the child and down into its port: straight runs joined by rounded corners, none of them behind
 * either node.
 */
public final class LinkRoute {
    /** Least vertical distance, port to child top, for which the single ordinary cubic is kept. */
    public static final double ORDINARY_GAP = 40;
    /** Distance of the detour's runs from the nodes they pass. */
    static final double CLEARANCE = 20;
    /** Least distance of a run from a node it passes (a run through a narrow gap between two nodes). */
    static final double MIN_CLEARANCE = 5;
    /** Radius of the detour's corners. */
    static final double CORNER = 12;
    /** Below this port-to-child-top distance an S-shaped cubic squeezed into the gap is too flat. */
    static final double MIN_BAND = 24;
    private static final double W = NodeMetrics.WIDTH;
    private static final double H = NodeMetrics.HEIGHT;

    private LinkRoute() {}

    /**
     * The link from a parent's downstream port to a child's upstream port.
     *
     * @param reuse an earlier shape to overwrite when it has the right length (drags), or null
     * @param fromX x of the parent's port (on its bottom edge)
     * @param fromY y of the parent's port
     * @param parent the parent node's top-left corner
     * @param child the child node's top-left corner (its port is the middle of its top edge)
     * @return {@code reuse} or a new array: start, then (control 1, control 2, end) per segment
     */
    public static double[] route(double[] reuse, double fromX, double fromY, Position parent, Position child) {
        Position to = DevicePorts.upstreamAnchor(child);
        double h = to.y() - fromY;
        if (h >= ORDINARY_GAP) {
            return cubic(reuse, fromX, fromY, to.x(), to.y(), Math.max(ORDINARY_GAP, h / 2));
        }
        if (h >= MIN_BAND) {
            return cubic(reuse, fromX, fromY, to.x(), to.y(), h / 2);
        }
        double[] best = null;
        double bestLength = Double.MAX_VALUE;
        double cx = child.x();
        double px = parent.x();
        double[] sides = {cx - CLEARANCE, cx + W + CLEARANCE, Math.min(px, cx) - CLEARANCE, Math.max(px, cx) + W + CLEARANCE,
            (px + W + cx) / 2, (cx + W + px) / 2};
        double[] tops = {to.y() - CLEARANCE, Math.min(to.y(), parent.y()) - CLEARANCE};
        double bottom = Math.max(fromY, child.y() + H) + CLEARANCE;
        for (double side : sides) {
            for (double top : tops) {
                double[] p = {fromX, fromY, fromX, bottom, side, bottom, side, top, to.x(), top, to.x(), to.y()};
                double length = length(p);
                if (length < bestLength && clear(p, parent, child)) {
                    best = p;
                    bestLength = length;
                }
            }
        }
        if (best == null) {
            if (h >= 0) {
                return cubic(reuse, fromX, fromY, to.x(), to.y(), h / 2);
            }
            double side = Math.abs(Math.min(px, cx) - CLEARANCE - fromX) <= Math.abs(Math.max(px, cx) + W + CLEARANCE - fromX)
                    ? Math.min(px, cx) - CLEARANCE : Math.max(px, cx) + W + CLEARANCE;
            double top = tops[1];
            best = new double[] {fromX, fromY, fromX, bottom, side, bottom, side, top, to.x(), top, to.x(), to.y()};
        }
        return rounded(reuse, best);
    }

    /** The single cubic with vertical tangents of length {@code dy} at both ends. */
    private static double[] cubic(double[] reuse, double fx, double fy, double tx, double ty, double dy) {
        double[] s = reuse != null && reuse.length == 8 ? reuse : new double[8];
        s[0] = fx;
        s[1] = fy;
        s[2] = fx;
        s[3] = fy + dy;
        s[4] = tx;
        s[5] = ty - dy;
        s[6] = tx;
        s[7] = ty;
        return s;
    }

    /**
     * An orthogonal polyline (x, y pairs) as straight cubic segments joined by quarter-circle-like
     * corners of radius {@link #CORNER} (smaller where a run is short).
     */
    private static double[] rounded(double[] reuse, double[] p) {
        int n = p.length / 2;
        int segments = (n - 1) + (n - 2);
        double[] s = reuse != null && reuse.length == 2 + 6 * segments ? reuse : new double[2 + 6 * segments];
        s[0] = p[0];
        s[1] = p[1];
        int o = 2;
        double curX = p[0];
        double curY = p[1];
        final double k = 0.5523; // control distance of a cubic quarter circle, per unit radius
        for (int i = 1; i < n; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            double inX = x;
            double inY = y;
            double outX = x;
            double outY = y;
            double r = 0;
            if (i < n - 1) {
                double nx = p[2 * i + 2];
                double ny = p[2 * i + 3];
                double lenIn = Math.hypot(x - p[2 * i - 2], y - p[2 * i - 1]);
                double lenOut = Math.hypot(nx - x, ny - y);
                r = Math.min(CORNER, Math.min(lenIn, lenOut) / 2);
                inX = x - r * Math.signum(x - p[2 * i - 2]);
                inY = y - r * Math.signum(y - p[2 * i - 1]);
                outX = x + r * Math.signum(nx - x);
                outY = y + r * Math.signum(ny - y);
            }
            o = line(s, o, curX, curY, inX, inY);
            if (i < n - 1) {
                s[o++] = inX + (x - inX) * k;
                s[o++] = inY + (y - inY) * k;
                s[o++] = outX + (x - outX) * k;
                s[o++] = outY + (y - outY) * k;
                s[o++] = outX;
                s[o++] = outY;
                curX = outX;
                curY = outY;
            }
        }
        return s;
    }

    private static int line(double[] s, int o, double x0, double y0, double x1, double y1) {
        s[o++] = x0 + (x1 - x0) / 3;
        s[o++] = y0 + (y1 - y0) / 3;
        s[o++] = x0 + 2 * (x1 - x0) / 3;
        s[o++] = y0 + 2 * (y1 - y0) / 3;
        s[o++] = x1;
        s[o++] = y1;
        return o;
    }

    private static double length(double[] p) {
        double l = 0;
        for (int i = 2; i < p.length; i += 2) {
            l += Math.abs(p[i] - p[i - 2]) + Math.abs(p[i + 1] - p[i - 1]);
        }
        return l;
    }

    /**
     * Whether no run of the polyline comes within {@link #MIN_CLEARANCE} of either node, except the
     * first run leaving the parent's port and the last entering the child's, which must only stay out
     * of their own node.
     */
    private static boolean clear(double[] p, Position parent, Position child) {
        int runs = p.length / 2 - 1;
        for (int i = 0; i < runs; i++) {
            double x0 = p[2 * i];
            double y0 = p[2 * i + 1];
            double x1 = p[2 * i + 2];
            double y1 = p[2 * i + 3];
            double mp = i == 0 ? 0 : MIN_CLEARANCE;
            double mc = i == runs - 1 ? 0 : MIN_CLEARANCE;
            if (hits(x0, y0, x1, y1, parent, mp) || hits(x0, y0, x1, y1, child, mc)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an axis-parallel run meets the open rectangle of a node grown by {@code m}. */
    private static boolean hits(double x0, double y0, double x1, double y1, Position node, double m) {
        double left = node.x() - m;
        double right = node.x() + W + m;
        double top = node.y() - m;
        double bottom = node.y() + H + m;
        return Math.max(x0, x1) > left && Math.min(x0, x1) < right && Math.max(y0, y1) > top && Math.min(y0, y1) < bottom;
    }

    /**
     * The point at parameter {@code t} (0..1 over the whole chain, each segment an equal share).
     *
     * @param s a shape as returned by {@link #route}
     * @return x, y
     */
    public static double[] point(double[] s, double t) {
        int segments = (s.length - 2) / 6;
        double u = Math.min(Math.max(t, 0), 1) * segments;
        int seg = Math.min((int) u, segments - 1);
        double v = u - seg;
        int o = 6 * seg;
        double a = (1 - v) * (1 - v) * (1 - v);
        double b = 3 * (1 - v) * (1 - v) * v;
        double c = 3 * (1 - v) * v * v;
        double d = v * v * v;
        return new double[] {a * s[o] + b * s[o + 2] + c * s[o + 4] + d * s[o + 6],
            a * s[o + 1] + b * s[o + 3] + c * s[o + 5] + d * s[o + 7]};
    }

    /**
     * Where a link's TLS badge goes: the middle of the chord of a single cubic, the middle of the run
     * below the nodes for a detour.
     *
     * @return x, y
     */
    public static double[] middle(double[] s) {
        if (s.length == 8) {
            return new double[] {(s[0] + s[6]) / 2, (s[1] + s[7]) / 2};
        }
        int segments = (s.length - 2) / 6;
        return point(s, 2.5 / segments); // segment 2: the straight run below the nodes
    }
}
