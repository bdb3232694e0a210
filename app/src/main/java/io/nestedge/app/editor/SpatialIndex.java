package io.nestedge.app.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A uniform-grid index of axis-aligned rectangles keyed by ID (pure, mutable, one thread), so the
 * canvas finds what intersects the viewport or lies under the pointer without scanning every device
 * or link. Rectangles are in content (unzoomed canvas) pixels.
 *
 * <p>{@link #put} and {@link #remove} cost O(cells covered); {@link #query} costs O(cells covered by
 * the query + hits). A rectangle covering more than {@link #MAX_CELLS} cells, or lying beyond the
 * grid's range (±2^40 cells) or not finite (a hand-edited plant file), is kept in a short list checked on every query
 * instead of in the grid, and a query that large scans every rectangle: nothing here throws or loops
 * for long, whatever the coordinates.
 */
public final class SpatialIndex {
    /** Default cell size, content pixels (about two device nodes wide). */
    public static final double DEFAULT_CELL = 512;
    /** Largest number of cells a rectangle is entered into; larger ones go to the oversized list. */
    public static final int MAX_CELLS = 4096;
    /** Largest query, in cells, answered from the grid; larger queries scan every rectangle. */
    private static final double MAX_QUERY_CELLS = 1_000_000;
    /** Cell coordinates beyond this would overflow the cell loops and keys. */
    private static final double MAX_CELL_COORD = 0x1p40;

    /**
     * A rectangle.
     *
     * @param x left
     * @param y top
     * @param w width (at least 0)
     * @param h height (at least 0)
     */
    public record Rect(double x, double y, double w, double h) {
        /** True when this rectangle and {@code o} overlap (touching edges count). */
        public boolean intersects(Rect o) {
            return x <= o.x + o.w && o.x <= x + w && y <= o.y + o.h && o.y <= y + h;
        }

        /** True when the point lies inside (edges included). */
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }

        /** This rectangle grown by {@code m} on every side. */
        public Rect grow(double m) {
            return new Rect(x - m, y - m, w + 2 * m, h + 2 * m);
        }

        /** The rectangle spanning two points. */
        public static Rect spanning(double x1, double y1, double x2, double y2) {
            return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
        }
    }

    private final double cell;
    private final Map<Long, Set<String>> cells = new HashMap<>();
    private final Map<String, Rect> rects = new HashMap<>();
    private final Set<String> oversized = new LinkedHashSet<>();

    /** An empty index with {@link #DEFAULT_CELL} cells. */
    public SpatialIndex() {
        this(DEFAULT_CELL);
    }

    /**
     * An empty index.
     *
     * @param cellSize grid cell size in content pixels, &gt; 0
     * @throws IllegalArgumentException for a cell size that is not positive
     */
    public SpatialIndex(double cellSize) {
        if (!(cellSize > 0)) {
            throw new IllegalArgumentException("cell size must be > 0, got " + cellSize);
        }
        this.cell = cellSize;
    }

    /** Adds or moves the rectangle of an ID. */
    public void put(String id, Rect r) {
        remove(id);
        rects.put(id, r);
        if (cellCount(r) > MAX_CELLS) {
            oversized.add(id);
        } else {
            forCells(r, k -> cells.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(id));
        }
    }

    /** Removes an ID (no-op when absent). */
    public void remove(String id) {
        Rect old = rects.remove(id);
        if (old != null && oversized.remove(id)) {
            return;
        }
        if (old != null) {
            forCells(old, k -> {
                Set<String> s = cells.get(k);
                if (s != null) {
                    s.remove(id);
                    if (s.isEmpty()) {
                        cells.remove(k);
                    }
                }
            });
        }
    }

    /** Removes everything. */
    public void clear() {
        cells.clear();
        rects.clear();
        oversized.clear();
    }

    /** The rectangle of an ID, or null. */
    public Rect get(String id) {
        return rects.get(id);
    }

    /** Number of IDs indexed. */
    public int size() {
        return rects.size();
    }

    /**
     * The IDs whose rectangles intersect {@code area}.
     *
     * @param area query rectangle
     * @return IDs, each once, in no particular order
     */
    public Set<String> query(Rect area) {
        Set<String> out = new LinkedHashSet<>();
        if (cellCount(area) > MAX_QUERY_CELLS) {
            rects.forEach((id, r) -> {
                if (r.intersects(area)) {
                    out.add(id);
                }
            });
            return out;
        }
        for (String id : oversized) {
            if (rects.get(id).intersects(area)) {
                out.add(id);
            }
        }
        forCells(area, k -> {
            Set<String> s = cells.get(k);
            if (s != null) {
                for (String id : s) {
                    if (!out.contains(id) && rects.get(id).intersects(area)) {
                        out.add(id);
                    }
                }
            }
        });
        return out;
    }

    /** The IDs whose rectangles contain a point. */
    public List<String> at(double x, double y) {
        List<String> out = new ArrayList<>();
        for (String id : oversized) {
            if (rects.get(id).contains(x, y)) {
                out.add(id);
            }
        }
        if (cellCount(new Rect(x, y, 0, 0)) > 1) {
            return out;
        }
        Set<String> s = cells.get(key(cellOf(x), cellOf(y)));
        if (s != null) {
            for (String id : s) {
                if (rects.get(id).contains(x, y)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private interface CellVisitor {
        void visit(long key);
    }

    /**
     * Number of grid cells a rectangle covers, as a double so that it cannot overflow; infinite when a
     * coordinate is not finite or lies beyond the grid's range.
     */
    private double cellCount(Rect r) {
        double x0 = Math.floor(r.x() / cell);
        double x1 = Math.floor((r.x() + r.w()) / cell);
        double y0 = Math.floor(r.y() / cell);
        double y1 = Math.floor((r.y() + r.h()) / cell);
        if (!(Math.abs(x0) < MAX_CELL_COORD && Math.abs(x1) < MAX_CELL_COORD && Math.abs(y0) < MAX_CELL_COORD
                && Math.abs(y1) < MAX_CELL_COORD)) {
            return Double.POSITIVE_INFINITY; // also NaN
        }
        return (x1 - x0 + 1) * (y1 - y0 + 1);
    }

    /** Visits the cells of a rectangle for which {@link #cellCount} is small. */
    private void forCells(Rect r, CellVisitor v) {
        long x0 = cellOf(r.x());
        long x1 = cellOf(r.x() + r.w());
        long y0 = cellOf(r.y());
        long y1 = cellOf(r.y() + r.h());
        for (long cx = x0; cx <= x1; cx++) {
            for (long cy = y0; cy <= y1; cy++) {
                v.visit(key(cx, cy));
            }
        }
    }

    private long cellOf(double v) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long cx, long cy) {
        // mixed so that Long.hashCode (high ^ low word) does not collide along diagonals
        return cx * 0x9E3779B97F4A7C15L + cy * 0xC2B2AE3D27D4EB4FL;
    }
}
