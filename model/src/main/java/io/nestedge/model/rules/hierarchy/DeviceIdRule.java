package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-DEVICE-ID: the device ID is the IoT Hub device identity: 1–128 ASCII letters, digits and
 * {@code - : . + % _ # * ? ! ( ) , = @ ; $ '} (IoT Hub identity rules; facts §1: every device needs one).
 */
public final class DeviceIdRule extends DeviceRule {
    private static final String SPECIAL = "-:.+%_#*?!(),=@;$'";

    /** Creates the rule. */
    public DeviceIdRule() {
        super("NE-DEVICE-ID", Severity.ERROR, "facts §1",
                "Device IDs must be valid IoT Hub device IDs: 1-128 ASCII letters, digits or - : . + % _ # * ? ! ( ) , = @ ; $ '.");
    }

    /** True for a valid IoT Hub device ID. */
    public static boolean valid(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || SPECIAL.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (valid(d.id())) {
            return;
        }
        String why = d.id().isEmpty() ? "The device ID is empty."
                : d.id().length() > 128 ? "The device ID has " + d.id().length() + " characters; IoT Hub allows 128."
                : "The device ID '" + d.id() + "' contains characters IoT Hub does not accept (spaces, '/', non-ASCII…).";
        out.add(finding(d, "id", why,
                "Use only ASCII letters, digits and - : . + % _ # * ? ! ( ) , = @ ; $ ' (at most 128), e.g. 'line1-edge'."));
    }
}
