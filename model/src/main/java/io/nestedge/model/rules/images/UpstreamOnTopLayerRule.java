package io.nestedge.model.rules.images;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.ImageRef;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-IMAGE-UPSTREAM-TOP: {@code $upstream} means "the parent"; a top-layer device has none, so
 * {@code $upstream} is invalid there (facts §3). A parentless device in a lane below the top-most
 * lane that holds devices was most likely meant to be a child: the fix then says to connect it to its
 * parent instead of rewriting its images. (That lane is plant-wide input: {@code IncrementalValidator}
 * revalidates everything when it changes.)
 */
public final class UpstreamOnTopLayerRule extends DeviceRule {
    /** Creates the rule. */
    public UpstreamOnTopLayerRule() {
        super("NE-IMAGE-UPSTREAM-TOP", Severity.ERROR, "facts §3", "'$upstream' is invalid in images of a top-layer device.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() || d.hasParent()) {
            return;
        }
        for (DeviceParts.Image i : DeviceParts.images(d)) {
            if (i.image().contains(ImageRef.UPSTREAM)) {
                if (belowTopMostLane(d, plant)) { // O(devices), only for a device with this error
                    out.add(finding(d, "parentId", "Image '" + i.image() + "' uses $upstream, but device '" + d.id()
                            + "' is not connected to a parent yet (it sits in lane " + d.layerId()
                            + ", below the top-most lane with devices).",
                            "Connect it to its parent: drag its top port onto the parent's bottom port (or choose the "
                                    + "parent under Hierarchy in the inspector)."));
                    return; // one finding: connecting fixes every $upstream image at once
                }
                ImageRef ref = ImageRef.parse(i.image());
                String registry = plant.registry().address().isEmpty() ? "mcr.microsoft.com" : plant.registry().address();
                out.add(finding(d, i.field(), "Image '" + i.image() + "' uses $upstream, but this is a top-layer "
                        + "device: it has no parent to pull through.",
                        "Pull from the registry directly, e.g. '" + registry + "/" + ref.path()
                                + (ref.tag().isEmpty() ? "" : ":" + ref.tag()) + "'."));
            }
        }
    }

    /** True when some device sits in a lane above the device's lane (layers are ordered top first). */
    private static boolean belowTopMostLane(Device d, Plant plant) {
        int lane = plant.layerIndex(d.layerId());
        if (lane < 0) {
            return false;
        }
        for (Device x : plant.devices()) {
            int other = plant.layerIndex(x.layerId());
            if (other >= 0 && other < lane) {
                return true;
            }
        }
        return false;
    }
}
