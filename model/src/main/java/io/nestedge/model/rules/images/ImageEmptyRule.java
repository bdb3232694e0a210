package io.nestedge.model.rules.images;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.ImageRef;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-IMAGE-EMPTY: edgeAgent, edgeHub and every module need a container image (facts §5). */
public final class ImageEmptyRule extends DeviceRule {
    /** Creates the rule. */
    public ImageEmptyRule() {
        super("NE-IMAGE-EMPTY", Severity.ERROR, "facts §5", "edgeAgent, edgeHub and every module need an image.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge()) {
            return;
        }
        for (DeviceParts.Image i : DeviceParts.images(d)) {
            if (i.image().isBlank()) {
                out.add(finding(d, i.field(), i.owner() + " has no image.", "Set the image, e.g. "
                        + (d.hasParent() ? "'$upstream:" + plant.apiProxy().port() + "/…:<tag>'" : "'mcr.microsoft.com/…:<tag>'") + "."));
            }
        }
    }
}
