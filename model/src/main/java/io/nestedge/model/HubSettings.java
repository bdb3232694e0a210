package io.nestedge.model;

/**
 * The IoT Hub the top layer talks to.
 *
 * @param iotHubHostname e.g. {@code contoso-hub.azure-devices.net}
 */
public record HubSettings(String iotHubHostname) {
    /** Normalises null to empty. */
    public HubSettings {
        iotHubHostname = iotHubHostname == null ? "" : iotHubHostname;
    }
}
