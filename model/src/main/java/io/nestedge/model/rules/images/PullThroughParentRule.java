package io.nestedge.model.rules.images;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.ImageRef;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.hierarchy.CycleRule;
import java.util.List;

/**
 * NE-IMAGE-VIA-PARENT: a lower-layer device has no route to public registries; every image it runs
 * (edgeAgent, edgeHub and modules) must be pulled through its parent's API proxy, written
 * {@code $upstream:<port>/…} or {@code <parent hostname>:<port>/…} (facts §1, §3, §5, field case F17).
 * Devices in a parent-link cycle get no finding here: NE-HIERARCHY-CYCLE reports them.
 */
public final class PullThroughParentRule extends DeviceRule {
    /** Creates the rule. */
    public PullThroughParentRule() {
        super("NE-IMAGE-VIA-PARENT", Severity.ERROR, "facts §5",
                "Lower-layer devices pull every image through their parent: '$upstream:<port>/…' or '<parent>:<port>/…'.");
    }

    /** Reads the ancestors too: a device in a parent-link cycle is left to NE-HIERARCHY-CYCLE. */
    @Override
    public Reach reach() {
        return Reach.ANCESTORS;
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() || !d.hasParent() || CycleRule.inCycle(d, plant)) {
            return; // in a cycle, NE-HIERARCHY-CYCLE speaks: which way images go depends on where the cycle is cut
        }
        Device parent = plant.deviceOrNull(d.parentId());
        for (DeviceParts.Image i : DeviceParts.images(d)) {
            String img = i.image().trim();
            if (img.isEmpty() || img.startsWith(ImageRef.UPSTREAM)) {
                continue; // NE-IMAGE-EMPTY / NE-IMAGE-UPSTREAM-PORT
            }
            boolean viaParent = parent != null && ImageRef.portVia(img, parent.hostname()) > 0;
            if (!viaParent) {
                ImageRef ref = ImageRef.parse(img);
                String from = ref.registry().isEmpty() ? "Docker Hub" : ref.registry() + (ref.port() > 0 ? ":" + ref.port() : "");
                out.add(finding(d, i.field(), i.owner() + " image '" + img + "' is pulled from " + from
                        + ", but this lower-layer device can reach only its parent '" + d.parentId() + "'.",
                        "Pull through the parent's API proxy: '$upstream:" + plant.apiProxy().port() + "/" + ref.path()
                                + (ref.tag().isEmpty() ? "" : ":" + ref.tag()) + "'."));
            }
        }
    }
}
