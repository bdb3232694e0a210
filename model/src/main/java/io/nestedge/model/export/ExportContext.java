package io.nestedge.model.export;

import io.nestedge.model.Plant;
import java.util.Objects;

/**
 * What every artifact generator gets: the plant, the device file layout and the secrets entered at
 * export. Extensions (PKI store, signed bundles) add their inputs by wrapping or extending this.
 *
 * @param plant the plant being exported
 * @param layout where files go on the devices
 * @param secrets secrets entered at export
 */
public record ExportContext(Plant plant, DeviceFileLayout layout, ExportSecrets secrets) {
    /** Requires a plant; defaults the layout and secrets. */
    public ExportContext {
        Objects.requireNonNull(plant, "plant");
        layout = Objects.requireNonNullElse(layout, DeviceFileLayout.defaults());
        secrets = Objects.requireNonNullElse(secrets, ExportSecrets.none());
    }
}
