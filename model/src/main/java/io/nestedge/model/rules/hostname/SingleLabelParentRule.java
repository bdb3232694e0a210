package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-HOST-SINGLE-LABEL: a parent hostname without a dot (e.g. {@code parent}) breaks image names such
 * as {@code parent/azureiotedge-diagnostics:1.5}: Docker reads it as a Docker Hub namespace and the
 * child's connectivity checks fail (facts §2, field case F6). Reported on the parent's hostname.
 */
public final class SingleLabelParentRule extends DeviceRule {
    /** Creates the rule. */
    public SingleLabelParentRule() {
        super("NE-HOST-SINGLE-LABEL", Severity.WARNING, "facts §2",
                "A parent's hostname should be an FQDN or IP, not a single label (Docker reads it as a Docker Hub namespace).");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() || !Hostnames.isSingleLabel(d.hostname())) {
            return;
        }
        List<Device> kids = plant.children(d.id());
        if (kids.isEmpty()) {
            return;
        }
        out.add(finding(d, "hostname", "Hostname '" + d.hostname() + "' has no dot; its children ("
                + kids.get(0).id() + (kids.size() > 1 ? " and " + (kids.size() - 1) + " more" : "")
                + ") use it as parent_hostname, and Docker reads '" + d.hostname()
                + "/azureiotedge-diagnostics' as a Docker Hub image, so the children's checks fail to pull it.",
                "Use the parent's FQDN (e.g. '" + d.hostname() + ".plant.local') or its IP address as hostname."));
    }
}
