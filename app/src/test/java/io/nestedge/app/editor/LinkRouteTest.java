package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Position;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LinkRouteTest {
    private static final double W = NodeMetrics.WIDTH;
    private static final double H = NodeMetrics.HEIGHT;
    /** Points this close to a port are not checked (the stroke meets the node's edge there). */
    private static final double PORT_ZONE = 3;

    /** The sample plant's L2 lane: line1-edge at (300, 440), press-sensor-01 at (560, 440), a 12 px gap. */
    @Test
    void sameRowLeafRightOfItsParentIsRoutedRoundBothNodes() {
        Position parent = new Position(300, 440);
        Position child = new Position(560, 440);
        for (int port = 0; port < 3; port++) {
            Position from = DevicePorts.downstreamAnchor(parent, port, 3);
            double[] s = LinkRoute.route(null, from.x(), from.y(), parent, child);
            assertThat(insidePoints(s, from, parent, child)).as("link from port %d enters a node", port).isEmpty();
            assertThat(s[0]).isEqualTo(from.x());
            assertThat(s[1]).isEqualTo(from.y());
            assertThat(s[s.length - 2]).isEqualTo(child.x() + W / 2);
            assertThat(s[s.length - 1]).isEqualTo(child.y());
            assertThat(s[3]).as("leaves the parent downwards").isGreaterThan(s[1]);
            assertThat(s[s.length - 3]).as("enters the child from above").isLessThan(s[s.length - 1]);
        }
    }

    /** What the link looked like before: one cubic, through the gap and behind both nodes. */
    @Test
    void theSingleCubicOfOrdinaryLinksWouldPassBehindASameRowChild() {
        Position parent = new Position(300, 440);
        Position child = new Position(560, 440);
        Position from = DevicePorts.downstreamAnchor(parent, 1, 3);
        double[] old = oldCubic(from.x(), from.y(), child.x() + W / 2, child.y());
        assertThat(insidePoints(old, from, parent, child)).isNotEmpty();
    }

    @Test
    void childLeftOfAboveOrBesideItsParentNeverPassesBehindANode() {
        Position parent = new Position(1000, 1000);
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (double dx = -700; dx <= 700; dx += 10) {
            for (double dy = -500; dy <= 500; dy += 10) {
                Position child = new Position(parent.x() + dx, parent.y() + dy);
                boolean overlap = Math.abs(dx) < W && Math.abs(dy) < H;
                if (overlap) {
                    continue;
                }
                for (int port = 0; port < 3; port++) {
                    Position from = DevicePorts.downstreamAnchor(parent, port, 3);
                    double[] s = LinkRoute.route(null, from.x(), from.y(), parent, child);
                    checked++;
                    if (!insidePoints(s, from, parent, child).isEmpty()) {
                        bad.add("child at " + dx + "," + dy + " port " + port);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(bad).as("links that pass behind a node").isEmpty();
    }

    @Test
    void ordinaryTopToBottomLinksKeepTheirSingleCubic() {
        Position parent = new Position(300, 300);
        for (double dx = -600; dx <= 600; dx += 25) {
            for (double dy = H + LinkRoute.ORDINARY_GAP; dy <= 900; dy += 17) {
                Position child = new Position(parent.x() + dx, parent.y() + dy);
                Position from = DevicePorts.downstreamAnchor(parent, 1, 3);
                double[] s = LinkRoute.route(null, from.x(), from.y(), parent, child);
                assertThat(s).containsExactly(oldCubic(from.x(), from.y(), child.x() + W / 2, child.y()), Offset.offset(0.0));
                assertThat(insidePoints(s, from, parent, child)).isEmpty();
            }
        }
    }

    @Test
    void aShapeOfTheRightLengthIsReusedDuringADrag() {
        Position parent = new Position(300, 440);
        Position from = DevicePorts.downstreamAnchor(parent, 0, 3);
        double[] first = LinkRoute.route(null, from.x(), from.y(), parent, new Position(560, 440));
        double[] again = LinkRoute.route(first, from.x(), from.y(), parent, new Position(580, 430));
        assertThat(again).isSameAs(first);
        double[] below = LinkRoute.route(first, from.x(), from.y(), parent, new Position(300, 700));
        assertThat(below).hasSize(8);
        assertThat(LinkRoute.route(below, from.x(), from.y(), parent, new Position(320, 720))).isSameAs(below);
    }

    @Test
    void badgeOfADetourSitsOnItsRunBelowTheNodes() {
        Position parent = new Position(300, 440);
        Position child = new Position(560, 440);
        Position from = DevicePorts.downstreamAnchor(parent, 1, 3);
        double[] s = LinkRoute.route(null, from.x(), from.y(), parent, child);
        double[] m = LinkRoute.middle(s);
        assertThat(m[1]).isGreaterThan(parent.y() + H);
        double[] ordinary = LinkRoute.route(null, from.x(), from.y(), parent, new Position(500, 700));
        assertThat(LinkRoute.middle(ordinary)).containsExactly((ordinary[0] + ordinary[6]) / 2, (ordinary[1] + ordinary[7]) / 2);
    }

    private static double[] oldCubic(double fx, double fy, double tx, double ty) {
        double dy = Math.max(40, Math.abs(ty - fy) / 2);
        return new double[] {fx, fy, fx, fy + dy, tx, ty - dy, tx, ty};
    }

    /** Points of the link (sampled 100 times per segment) strictly inside either node, ports' surroundings excepted. */
    private static List<double[]> insidePoints(double[] s, Position from, Position parent, Position child) {
        Position to = DevicePorts.upstreamAnchor(child);
        int segments = (s.length - 2) / 6;
        List<double[]> inside = new ArrayList<>();
        int n = 100 * segments;
        for (int i = 0; i <= n; i++) {
            double[] p = LinkRoute.point(s, (double) i / n);
            if (Math.hypot(p[0] - from.x(), p[1] - from.y()) < PORT_ZONE || Math.hypot(p[0] - to.x(), p[1] - to.y()) < PORT_ZONE) {
                continue;
            }
            if (inside(p, parent) || inside(p, child)) {
                inside.add(p);
            }
        }
        return inside;
    }

    private static boolean inside(double[] p, Position node) {
        return p[0] > node.x() && p[0] < node.x() + W && p[1] > node.y() && p[1] < node.y() + H;
    }
}
