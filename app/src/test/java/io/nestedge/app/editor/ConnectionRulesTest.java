package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import org.junit.jupiter.api.Test;

class ConnectionRulesTest {
    private final Plant sample = SamplePlants.sample();

    @Test
    void leafCannotBeAParent() {
        Plant p = sample.updateDevice("line1-edge", d -> d.withParent(""));
        var v = ConnectionRules.check(p, "line1-edge", "press-sensor-01");
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).contains("leaf device").contains("only IoT Edge devices can be parents");
    }

    @Test
    void cycleIsRefused() {
        Plant p = sample.updateDevice("site-gw", d -> d.withLayer("L3").withParent(""));
        var v = ConnectionRules.check(p, "site-gw", "line1-edge");
        assertThat(v.allowed()).isFalse();
        // line1-edge is on L2, below site-gw's L3: the layer rule or the cycle rule must refuse; make layers equal
        Plant same = p.updateDevice("line1-edge", d -> d.withLayer("L3"));
        var c = ConnectionRules.check(same, "site-gw", "line1-edge");
        assertThat(c.allowed()).isFalse();
        assertThat(c.reason()).contains("cycle");
    }

    @Test
    void secondParentIsRefused() {
        var v = ConnectionRules.check(sample, "line1-edge", "site-gw");
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).contains("already has the parent ops-gw").contains("exactly one parent");
    }

    @Test
    void parentOnLowerLayerIsRefused() {
        Plant p = sample.withDevice(DeviceTemplates.newDevice(sample, Template.EDGE_DEVICE, "L2",
                io.nestedge.model.Position.ORIGIN)).updateDevice("ops-gw", d -> d.withParent(""));
        var v = ConnectionRules.check(p, "ops-gw", "edge-1");
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).contains("lower layer");
    }

    @Test
    void legalConnectionIsAllowed() {
        Plant p = sample.updateDevice("line1-edge", d -> d.withParent(""));
        assertThat(ConnectionRules.check(p, "line1-edge", "site-gw").allowed()).isTrue();
        assertThat(ConnectionRules.check(p, "line1-edge", "line1-edge").allowed()).isFalse();
    }

    @Test
    void danglingParentDoesNotBlockReconnecting() {
        Plant p = sample.withoutDevice("ops-gw");
        assertThat(ConnectionRules.check(p, "line1-edge", "site-gw").allowed()).isTrue();
    }
}
