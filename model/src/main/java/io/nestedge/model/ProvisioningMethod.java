package io.nestedge.model;

/** How a device gets its IoT Hub identity (facts file §1, §3). */
public enum ProvisioningMethod {
    /** Manual provisioning with a symmetric (SAS) key or connection string. */
    MANUAL_SAS,
    /** Manual provisioning with an X.509 identity certificate. */
    MANUAL_X509,
    /** Device Provisioning Service: refused by {@code config apply} on a nested child. */
    DPS
}
