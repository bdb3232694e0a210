package io.nestedge.model.rules;

import static io.nestedge.model.rules.Edits.MID;
import static io.nestedge.model.rules.Edits.TOP;
import static io.nestedge.model.rules.Edits.edit;
import static io.nestedge.model.rules.Edits.runtime;
import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.rules.images.UpstreamOnTopLayerRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NE-IMAGE-UPSTREAM-TOP tells a device meant as a child to connect, and a real top device to pull directly. */
class UpstreamOnTopLayerMessageTest {
    private static List<Finding> check(Plant p, String id) {
        List<Finding> out = new ArrayList<>();
        new UpstreamOnTopLayerRule().check(p.deviceOrNull(id), p, out);
        return out;
    }

    @Test
    void unconnectedDeviceBelowTheTopLaneIsToldToConnectToItsParent() {
        Plant p = edit(MID, d -> d.withParent(""));
        List<Finding> f = check(p, MID);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("NE-IMAGE-UPSTREAM-TOP");
            assertThat(x.field()).isEqualTo("parentId");
            assertThat(x.message()).contains("not connected to a parent").doesNotContain("top-layer device");
            assertThat(x.fix()).contains("drag its top port onto the parent's bottom port").doesNotContain("Pull from the registry");
        });
    }

    @Test
    void deviceInTheTopMostLaneIsToldToPullFromTheRegistry() {
        Plant p = edit(TOP, runtime(r -> r.withImages("$upstream:443/azureiotedge-agent:1.5", r.hubImage())));
        List<Finding> f = check(p, TOP);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("runtime.agentImage");
            assertThat(x.fix()).contains("Pull from the registry directly").contains("/azureiotedge-agent:1.5");
        });
    }
}
