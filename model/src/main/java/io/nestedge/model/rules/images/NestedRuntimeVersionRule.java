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
 * NE-RUNTIME-VERSION: nested IoT Edge needs edgeAgent and edgeHub 1.2 or later; the device's check
 * {@code check-agent-image} fails for an older nested agent (facts §6). Only tags that start with
 * {@code <major>.<minor>} are judged.
 */
public final class NestedRuntimeVersionRule extends DeviceRule {
    /** Creates the rule. */
    public NestedRuntimeVersionRule() {
        super("NE-RUNTIME-VERSION", Severity.ERROR, "facts §6", "A nested device runs edgeAgent and edgeHub 1.2 or later.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() || !d.hasParent() || d.runtime() == null) {
            return;
        }
        check(d, "runtime.agentImage", "edgeAgent", d.runtime().agentImage(), out);
        check(d, "runtime.hubImage", "edgeHub", d.runtime().hubImage(), out);
    }

    private void check(Device d, String field, String what, String image, List<Finding> out) {
        ImageRef ref = ImageRef.parse(image);
        ref.version().ifPresent(v -> {
            if (v[0] < 1 || v[0] == 1 && v[1] < 2) {
                out.add(finding(d, field, what + " " + ref.tag() + " does not support nested IoT Edge (1.2 or later "
                        + "is needed; 'iotedge check' fails check-agent-image).",
                        "Use " + what + " 1.5 (LTS): '" + image.trim().replaceFirst(":[^:/]*$", "") + ":1.5'."));
            }
        });
    }
}
