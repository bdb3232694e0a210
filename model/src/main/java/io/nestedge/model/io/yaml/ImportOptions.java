package io.nestedge.model.io.yaml;

/**
 * Options of a tool-config import.
 *
 * @param plantName name of the new plant; empty: the file name without extension
 * @param topLayerId ISA-95 layer of the top-layer devices (e.g. "L4"); lower layers follow in order.
 *     Empty: the first default layer, L5. The formats hold no layers, so this is how a plant whose top
 *     layer is not L5 comes back with the same layers.
 */
public record ImportOptions(String plantName, String topLayerId) {
    /** Normalises nulls to empty. */
    public ImportOptions {
        plantName = plantName == null ? "" : plantName.strip();
        topLayerId = topLayerId == null ? "" : topLayerId.strip();
    }

    /** Default options: name from the file, top layer L5. */
    public static ImportOptions defaults() {
        return new ImportOptions("", "");
    }
}
