package io.nestedge.model;

/**
 * What runs on a device. Whether an IoT Edge device is a gateway is not stored: it is derived from
 * its children ({@link Plant#isGateway(String)}). Facts file §1: only IoT Edge devices can be parents.
 */
public enum DeviceKind {
    /** A device running the IoT Edge runtime (edgeAgent, edgeHub); may be a parent. */
    IOT_EDGE,
    /** A leaf (downstream) IoT device: connects to its parent's edgeHub, never a parent itself. */
    LEAF
}
