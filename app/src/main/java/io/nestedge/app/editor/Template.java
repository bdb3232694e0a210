package io.nestedge.app.editor;

/** What the palette offers: devices dropped into a lane, modules dropped onto an IoT Edge device. */
public enum Template {
    /** An IoT Edge device (edgeAgent + edgeHub); becomes a gateway once it has children. */
    EDGE_DEVICE("IoT Edge device", "Runs the IoT Edge runtime; may be a parent", true),
    /** A leaf (downstream) device. */
    LEAF_DEVICE("Leaf device", "Downstream IoT device; connects to its parent's edgeHub", true),
    /** The IoT Edge API proxy module (facts §5). */
    API_PROXY("API proxy", "Needed on every gateway with IoT Edge children (443)", false),
    /** A Docker registry module in proxy mode (top layer). */
    REGISTRY("Registry", "Registry in proxy mode on the top layer (5000)", false),
    /** Azure Blob Storage on IoT Edge. */
    BLOB_STORAGE("Blob storage", "Azure Blob Storage on IoT Edge (11002)", false),
    /** Any other module. */
    CUSTOM_MODULE("Custom module", "Your own container module", false);

    private final String label;
    private final String hint;
    private final boolean device;

    Template(String label, String hint, boolean device) {
        this.label = label;
        this.hint = hint;
        this.device = device;
    }

    /** Palette label. */
    public String label() {
        return label;
    }

    /** One-line explanation for the palette tooltip. */
    public String hint() {
        return hint;
    }

    /** True for device templates (dropped into a lane), false for modules (dropped onto a device). */
    public boolean isDevice() {
        return device;
    }
}
