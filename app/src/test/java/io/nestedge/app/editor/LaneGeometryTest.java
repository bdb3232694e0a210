package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.samples.SamplePlants;
import org.junit.jupiter.api.Test;

class LaneGeometryTest {
    @Test
    void everyDeviceIsDrawnInsideTheLaneOfItsLayer() {
        Plant p = SamplePlants.sample();
        LaneGeometry g = LaneGeometry.of(p);
        assertThat(g.lanes()).extracting(l -> l.layer().id()).containsExactly("L5", "L4", "L3", "L2");
        for (var d : p.devices()) {
            Position at = g.position(d.id()).orElseThrow();
            var lane = g.lane(d.layerId()).orElseThrow();
            assertThat(at.y()).isGreaterThanOrEqualTo(lane.top());
            assertThat(at.y() + NodeMetrics.HEIGHT).isLessThanOrEqualTo(lane.bottom());
            assertThat(g.laneAt(at.y() + NodeMetrics.HEIGHT / 2)).isEqualTo(lane);
        }
    }

    @Test
    void lanesTileWithoutGapsAndGrowWithContent() {
        Plant p = SamplePlants.sample().updateDevice("line1-edge", d -> d.withPosition(new Position(0, 2000)));
        LaneGeometry g = LaneGeometry.of(p);
        for (int i = 1; i < g.lanes().size(); i++) {
            assertThat(g.lanes().get(i).top()).isEqualTo(g.lanes().get(i - 1).bottom());
        }
        assertThat(g.lane("L2").orElseThrow().bottom()).isGreaterThanOrEqualTo(2000 + NodeMetrics.HEIGHT);
        assertThat(g.height()).isEqualTo(g.lane("L2").orElseThrow().bottom());
    }
}
