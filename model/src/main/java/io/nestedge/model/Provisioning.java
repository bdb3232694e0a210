package io.nestedge.model;

import java.util.Objects;

/**
 * Provisioning settings of a device. Secrets (SAS keys, connection strings) are supplied at export
 * time and never stored in the plant.
 *
 * @param method provisioning method
 * @param dpsScopeId DPS ID scope, only meaningful for {@link ProvisioningMethod#DPS}; empty otherwise
 */
public record Provisioning(ProvisioningMethod method, String dpsScopeId) {
    /** Normalises nulls: manual SAS, empty scope. */
    public Provisioning {
        method = Objects.requireNonNullElse(method, ProvisioningMethod.MANUAL_SAS);
        dpsScopeId = dpsScopeId == null ? "" : dpsScopeId;
    }

    /** Manual provisioning with a SAS key (the default). */
    public static Provisioning manualSas() {
        return new Provisioning(ProvisioningMethod.MANUAL_SAS, "");
    }

    /** Manual provisioning with an X.509 identity certificate. */
    public static Provisioning manualX509() {
        return new Provisioning(ProvisioningMethod.MANUAL_X509, "");
    }
}
