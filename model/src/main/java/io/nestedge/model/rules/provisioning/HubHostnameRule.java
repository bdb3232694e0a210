package io.nestedge.model.rules.provisioning;

import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NE-HUB-HOSTNAME: the plant names its IoT Hub: a DNS name whose first label is a valid hub name
 * (3–50 letters, digits, '-'). Every config.toml's manual provisioning ({@code iothub_hostname} or
 * the connection string) and the hub scripts need it (facts §1, §3).
 */
public final class HubHostnameRule extends SettingsRule {
    private static final Pattern HUB = Pattern.compile("[A-Za-z0-9-]{3,50}(\\.[A-Za-z0-9-]{1,63})+");

    /** Creates the rule. */
    public HubHostnameRule() {
        super("NE-HUB-HOSTNAME", Severity.ERROR, "facts §1, §3", "The plant names its IoT Hub (e.g. contoso-hub.azure-devices.net).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        String h = plant.hub().iotHubHostname().trim();
        if (h.isEmpty()) {
            out.add(plantFinding("hub.iotHubHostname", "The plant has no IoT Hub hostname: config.toml provisioning and the hub "
                    + "scripts need it.", "Set the IoT Hub hostname, e.g. contoso-hub.azure-devices.net."));
        } else if (!HUB.matcher(h).matches()) {
            out.add(plantFinding("hub.iotHubHostname", "IoT Hub hostname '" + h + "' is not a hub's DNS name.",
                    "Use the hub's host name as the portal shows it, e.g. contoso-hub.azure-devices.net."));
        }
    }
}
