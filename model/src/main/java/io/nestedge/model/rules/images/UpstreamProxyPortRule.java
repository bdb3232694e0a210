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
 * NE-IMAGE-PROXY-PORT: children pull as {@code $upstream:<proxy port>/…}; the port should be the
 * plant's API proxy port, the same on every layer (facts §5). Another port works only if something on
 * the parent serves images there.
 */
public final class UpstreamProxyPortRule extends DeviceRule {
    /** Creates the rule. */
    public UpstreamProxyPortRule() {
        super("NE-IMAGE-PROXY-PORT", Severity.WARNING, "facts §5", "Images pulled through the parent should use the plant's API proxy port.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() || !d.hasParent()) {
            return;
        }
        Device parent = plant.deviceOrNull(d.parentId());
        int want = plant.apiProxy().port();
        for (DeviceParts.Image i : DeviceParts.images(d)) {
            int port = ImageRef.portVia(i.image(), ImageRef.UPSTREAM);
            if (port < 0 && parent != null) {
                port = ImageRef.portVia(i.image(), parent.hostname());
            }
            if (port > 0 && port != want) {
                ImageRef ref = ImageRef.parse(i.image());
                out.add(finding(d, i.field(), "Image '" + i.image() + "' is pulled through the parent on port "
                        + ref.port() + ", but the plant's API proxy (" + plant.apiProxy().moduleName() + ") listens on " + want + ".",
                        "Use port " + want + ": '" + ref.registry() + ":" + want + "/" + ref.path()
                                + (ref.tag().isEmpty() ? "" : ":" + ref.tag()) + "'."));
            }
        }
    }
}
