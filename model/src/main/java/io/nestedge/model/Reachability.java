package io.nestedge.model;

/** How the commissioning laptop reaches a device over SSH (facts file §7). */
public enum Reachability {
    /** The device's SSH endpoint is reachable from the laptop. */
    DIRECT,
    /** The device is on an isolated network: reach it by jumping through its parent chain. */
    VIA_PARENT
}
