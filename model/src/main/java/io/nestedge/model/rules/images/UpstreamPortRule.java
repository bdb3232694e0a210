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
 * NE-IMAGE-UPSTREAM-PORT: {@code $upstream} must be followed by {@code :<port>}, e.g.
 * {@code $upstream:443/azureiotedge-agent:1.5} (facts §3, §5).
 */
public final class UpstreamPortRule extends DeviceRule {
    /** Creates the rule. */
    public UpstreamPortRule() {
        super("NE-IMAGE-UPSTREAM-PORT", Severity.ERROR, "facts §3", "'$upstream' in an image must be followed by ':<port>/'.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge()) {
            return;
        }
        for (DeviceParts.Image i : DeviceParts.images(d)) {
            String img = i.image().trim();
            if (!img.startsWith(ImageRef.UPSTREAM)) {
                continue;
            }
            if (ImageRef.portVia(img, ImageRef.UPSTREAM) < 0) {
                String rest = img.substring(ImageRef.UPSTREAM.length()).replaceFirst("^:?\\d*/?", "");
                out.add(finding(d, i.field(), "Image '" + img + "' uses $upstream without ':<port>/'; the runtime "
                        + "replaces $upstream with parent_hostname and needs the parent's API proxy port.",
                        "Write it as '$upstream:" + plant.apiProxy().port() + "/" + rest + "'."));
            }
        }
    }
}
