package io.nestedge.model;

/**
 * An ISA-95 (Purdue) network layer. A plant's layers are ordered top (closest to the cloud) first.
 *
 * @param id stable identifier, e.g. "L4"
 * @param name display name, e.g. "Site business"
 * @param isaLevel ISA-95 level number, e.g. 4
 */
public record Layer(String id, String name, int isaLevel) {
    /** Normalises null strings. */
    public Layer {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
    }

    /** The default layer set: L5 Enterprise, L4 Site business, L3 Site operations, L2 Area supervisory. */
    public static java.util.List<Layer> defaults() {
        return java.util.List.of(new Layer("L5", "Enterprise", 5), new Layer("L4", "Site business", 4),
                new Layer("L3", "Site operations", 3), new Layer("L2", "Area supervisory", 2));
    }
}
