package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.app.editor.SpatialIndex.Rect;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpatialIndexTest {
    @Test
    void findsWhatIntersectsAndForgetsWhatMovedAway() {
        SpatialIndex idx = new SpatialIndex(100);
        idx.put("a", new Rect(10, 10, 248, 88));
        idx.put("far", new Rect(50_000, 9_000, 248, 88));
        idx.put("long-link", Rect.spanning(0, 0, 20_000, 300));
        assertThat(idx.query(new Rect(0, 0, 800, 600))).containsExactlyInAnyOrder("a", "long-link");
        assertThat(idx.query(new Rect(49_900, 8_900, 400, 400))).containsExactly("far");
        assertThat(idx.at(20, 20)).containsExactlyInAnyOrder("a", "long-link");
        idx.put("a", new Rect(49_000, 9_000, 248, 88));
        assertThat(idx.query(new Rect(0, 0, 800, 600))).containsExactly("long-link");
        idx.remove("long-link");
        assertThat(idx.query(new Rect(0, 0, 800, 600))).isEmpty();
        assertThat(idx.size()).isEqualTo(2);
    }

    @Test
    void negativeCoordinatesAndBadCellSize() {
        SpatialIndex idx = new SpatialIndex();
        idx.put("n", new Rect(-900, -700, 248, 88));
        assertThat(idx.query(new Rect(-1000, -1000, 200, 400))).containsExactly("n");
        assertThatThrownBy(() -> new SpatialIndex(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Rectangles from a hand-edited plant (a device at x = 1e308, a link from 0 to 1e9, infinity) are
     * indexed and found at once: a cell coordinate of Long.MAX_VALUE made the cell loop run for ever
     * (the designer hung on open) and a link over a million cells threw on the FX thread.
     */
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    @Test
    void farAndHugeRectanglesAreFoundWithoutLoopingOrThrowing() {
        SpatialIndex idx = new SpatialIndex();
        idx.put("near", new Rect(0, 0, 248, 88));
        idx.put("far", new Rect(1e308, -1e308, 248, 88));
        idx.put("long-link", Rect.spanning(100, 40, 1e9, 1e7));
        idx.put("inf", new Rect(Double.POSITIVE_INFINITY, 0, 248, 88));
        idx.put("nan", new Rect(Double.NaN, 0, 248, 88));
        assertThat(idx.query(new Rect(0, 0, 800, 600))).containsExactlyInAnyOrder("near", "long-link");
        assertThat(idx.query(new Rect(1e308 - 1e300, -1e308, 1e301, 1e300))).containsExactly("far");
        assertThat(idx.query(new Rect(-1e12, -1e12, 2e12, 2e12))).containsExactlyInAnyOrder("near", "long-link");
        assertThat(idx.at(500_000, 5_000)).containsExactly("long-link");
        assertThat(idx.at(1e308 + 1, -1e308)).containsExactly("far");
        idx.remove("long-link");
        idx.remove("far");
        assertThat(idx.query(new Rect(0, 0, 800, 600))).containsExactly("near");
        assertThat(idx.at(500_000, 5_000)).isEmpty();
        assertThat(idx.size()).isEqualTo(3);
    }

    /** The index answers exactly what a scan over every rectangle answers (200 seeded random cases). */
    @Test
    void queryEqualsLinearScan() {
        for (int seed = 0; seed < 200; seed++) {
            java.util.Random r = new java.util.Random(seed);
            check(r.nextInt(61), r.nextDouble() * 10_000 - 5000, r.nextDouble() * 10_000 - 5000, r.nextDouble() * 3000, r);
        }
    }

    private static void check(int n, double qx, double qy, double qw, java.util.Random r) {
        SpatialIndex idx = new SpatialIndex(256);
        Map<String, Rect> all = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Rect rect = new Rect(r.nextDouble() * 10_000 - 5000, r.nextDouble() * 10_000 - 5000, r.nextDouble() * 2000, r.nextDouble() * 300);
            all.put("d" + i, rect);
            idx.put("d" + i, rect);
        }
        Rect q = new Rect(qx, qy, qw, qw / 2);
        Set<String> expected = all.entrySet().stream().filter(e -> e.getValue().intersects(q)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(idx.query(q)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
