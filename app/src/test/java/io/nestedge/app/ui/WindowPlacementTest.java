package io.nestedge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The main window always opens on a screen that exists now, no larger than it. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 984); // 1280x1024 less a task bar
    private static final Rectangle2D DOCK = new Rectangle2D(1280, 0, 2560, 1400);

    private static boolean inside(Rectangle2D r, Rectangle2D screen) {
        return r.getMinX() >= screen.getMinX() && r.getMinY() >= screen.getMinY()
                && r.getMaxX() <= screen.getMaxX() && r.getMaxY() <= screen.getMaxY();
    }

    @Test
    void firstStartOnASmallScreenFitsAndIsCentred() {
        Rectangle2D r = WindowPlacement.place(1400, 880, Double.NaN, Double.NaN, List.of(LAPTOP));
        assertThat(inside(r, LAPTOP)).as("%s inside %s", r, LAPTOP).isTrue();
        assertThat(r.getWidth()).isEqualTo(1240);
        assertThat(r.getHeight()).isEqualTo(880);
        assertThat(r.getMinX() + r.getWidth() / 2).isEqualTo(640);
    }

    @Test
    void aWindowLastSeenOnAnUnpluggedMonitorOpensOnThePrimaryScreen() {
        Rectangle2D r = WindowPlacement.place(2200, 1300, 1500, 40, List.of(LAPTOP));
        assertThat(inside(r, LAPTOP)).as("%s inside %s", r, LAPTOP).isTrue();
    }

    @Test
    void aRememberedPlaceThatStillExistsIsKept() {
        Rectangle2D r = WindowPlacement.place(1400, 880, 1500, 40, List.of(LAPTOP, DOCK));
        assertThat(r).isEqualTo(new Rectangle2D(1500, 40, 1400, 880));
        Rectangle2D onLaptop = WindowPlacement.place(1000, 700, 100, 50, List.of(LAPTOP, DOCK));
        assertThat(onLaptop).isEqualTo(new Rectangle2D(100, 50, 1000, 700));
    }

    @Test
    void aRememberedPlaceHangingOffTheScreenIsPulledBackOntoIt() {
        Rectangle2D r = WindowPlacement.place(1200, 800, 900, 600, List.of(LAPTOP));
        assertThat(inside(r, LAPTOP)).as("%s inside %s", r, LAPTOP).isTrue();
        assertThat(r.getWidth()).isEqualTo(1200);
    }

    @Test
    void neverSmallerThanUsableUnlessTheScreenIsAndNoScreenMeansTheToolkitCentres() {
        assertThat(WindowPlacement.place(300, 200, Double.NaN, Double.NaN, List.of(LAPTOP)))
                .satisfies(r -> assertThat(r.getWidth()).isEqualTo(WindowPlacement.MIN_WIDTH))
                .satisfies(r -> assertThat(r.getHeight()).isEqualTo(WindowPlacement.MIN_HEIGHT));
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        assertThat(inside(WindowPlacement.place(1400, 880, Double.NaN, Double.NaN, List.of(tiny)), tiny)).isTrue();
        Rectangle2D none = WindowPlacement.place(1400, 880, 10, 10, List.of());
        assertThat(none.getMinX()).isNaN();
        assertThat(none.getWidth()).isEqualTo(1400);
    }
}
