package io.nestedge.model;

/**
 * The IoT Hub the top layer talks to.
 *
 * @param iotHubHostname e.g. {@code contoso-hub.azure-devices.net}
 * @param iotHubName the hub's resource name, e.g. {@code contoso-hub} (the {@code iothub_name} of
 *     {@code iotedge_config.yaml}); empty when it is the first label of {@code iotHubHostname}. Omitted
 *     from the plant file when empty.
 */
public record HubSettings(String iotHubHostname, String iotHubName) {
    /** Normalises nulls to empty. */
    public HubSettings {
        iotHubHostname = iotHubHostname == null ? "" : iotHubHostname;
        iotHubName = iotHubName == null ? "" : iotHubName;
    }

    /** Hub settings whose name is the first label of the host name. */
    public HubSettings(String iotHubHostname) {
        this(iotHubHostname, "");
    }

    /** The hub name: {@link #iotHubName()} if set, else the first label of the host name (may be empty). */
    public String effectiveName() {
        if (!iotHubName.isEmpty()) {
            return iotHubName;
        }
        int dot = iotHubHostname.indexOf('.');
        return dot < 0 ? iotHubHostname : iotHubHostname.substring(0, dot);
    }
}
