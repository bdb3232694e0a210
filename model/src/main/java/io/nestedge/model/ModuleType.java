package io.nestedge.model;

/** The role of a custom (non-system) module in a nested hierarchy (facts file §1, §5). */
public enum ModuleType {
    /** The IoT Edge API proxy (nginx): needed on every layer that has IoT Edge children. */
    API_PROXY,
    /** A Docker registry module in proxy mode, usually on the top layer. */
    REGISTRY,
    /** Azure Blob Storage on IoT Edge (optional, top layer). */
    BLOB_STORAGE,
    /** Any other module. */
    CUSTOM
}
