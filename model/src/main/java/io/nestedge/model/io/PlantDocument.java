package io.nestedge.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.nestedge.model.ApiProxySettings;
import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeToolSettings;
import io.nestedge.model.HubSettings;
import io.nestedge.model.Layer;
import io.nestedge.model.Plant;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.RegistrySettings;
import java.util.List;

/**
 * The plant file's top-level JSON object (schema version {@link Plant#SCHEMA_VERSION}). Key order is
 * fixed by this record, device order is the plant's order, maps are written sorted by key.
 * {@code containerEngine} is written only when the plant manages container-engine settings (a file
 * without it manages none), {@code edgeTools} only when the plant keeps nested-edge tool settings.
 */
@JsonPropertyOrder({"schemaVersion", "name", "hub", "registry", "apiProxy", "pki", "containerEngine", "edgeTools", "layers",
        "devices"})
record PlantDocument(int schemaVersion, String name, HubSettings hub, RegistrySettings registry,
        ApiProxySettings apiProxy, PkiSettings pki,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContainerEngineSettings containerEngine,
        @JsonInclude(JsonInclude.Include.NON_NULL) EdgeToolSettings edgeTools,
        List<Layer> layers, List<Device> devices) {

    static PlantDocument of(Plant p) {
        return new PlantDocument(Plant.SCHEMA_VERSION, p.name(), p.hub(), p.registry(), p.apiProxy(), p.pki(),
                p.containerEngine().isEmpty() ? null : p.containerEngine(),
                p.edgeTools().isEmpty() ? null : p.edgeTools(), p.layers(), p.devices());
    }

    Plant toPlant() {
        return new Plant(name, layers, devices, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }
}
