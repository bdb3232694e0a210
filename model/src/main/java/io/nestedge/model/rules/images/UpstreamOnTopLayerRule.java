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
 * {@code $upstream} is invalid there (facts §3).
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
                ImageRef ref = ImageRef.parse(i.image());
                String registry = plant.registry().address().isEmpty() ? "mcr.microsoft.com" : plant.registry().address();
                out.add(finding(d, i.field(), "Image '" + i.image() + "' uses $upstream, but this is a top-layer "
                        + "device: it has no parent to pull through.",
                        "Pull from the registry directly, e.g. '" + registry + "/" + ref.path()
                                + (ref.tag().isEmpty() ? "" : ":" + ref.tag()) + "'."));
            }
        }
    }
}
