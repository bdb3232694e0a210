package io.nestedge.model.rules;

import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Small edits of {@link SamplePlants#sample()} for rule tests. */
final class Edits {
    static final String TOP = "site-gw";
    static final String MID = "ops-gw";
    static final String BOTTOM = "line1-edge";
    static final String LEAF = "press-sensor-01";
    static final String SENSOR = "SimulatedTemperatureSensor";
    static final String PROXY = "IoTEdgeAPIProxy";

    private Edits() {
    }

    static Plant sample() {
        return SamplePlants.sample();
    }

    /** The sample with {@code op} applied to one device. */
    static Plant edit(String id, UnaryOperator<Device> op) {
        return sample().updateDevice(id, op);
    }

    /** Applies {@code op} to the module {@code name} of a device. */
    static UnaryOperator<Device> module(String name, UnaryOperator<EdgeModule> op) {
        return d -> d.withModules(d.modules().stream().map(m -> m.name().equals(name) ? op.apply(m) : m).toList());
    }

    /** Adds a module to a device. */
    static UnaryOperator<Device> addModule(EdgeModule m) {
        return d -> {
            List<EdgeModule> l = new ArrayList<>(d.modules());
            l.add(m);
            return d.withModules(l);
        };
    }

    /** Removes the module {@code name} from a device. */
    static UnaryOperator<Device> removeModule(String name) {
        return d -> d.withModules(d.modules().stream().filter(m -> !m.name().equals(name)).toList());
    }

    /** Applies {@code op} to the runtime of a device. */
    static UnaryOperator<Device> runtime(UnaryOperator<EdgeRuntime> op) {
        return d -> d.withRuntime(op.apply(d.runtime()));
    }

    static EdgeModule named(EdgeModule m, String name) {
        return new EdgeModule(name, m.type(), m.image(), m.env(), m.createOptions(), m.ports(), m.status(), m.restartPolicy());
    }

    static EdgeModule status(EdgeModule m, String status) {
        return new EdgeModule(m.name(), m.type(), m.image(), m.env(), m.createOptions(), m.ports(), status, m.restartPolicy());
    }

    static EdgeModule restart(EdgeModule m, String policy) {
        return new EdgeModule(m.name(), m.type(), m.image(), m.env(), m.createOptions(), m.ports(), m.status(), policy);
    }

    static EdgeModule createOptions(EdgeModule m, String json) {
        return new EdgeModule(m.name(), m.type(), m.image(), m.env(), json, m.ports(), m.status(), m.restartPolicy());
    }

    static EdgeModule withoutEnv(EdgeModule m, String key) {
        Map<String, String> e = new TreeMap<>(m.env());
        e.remove(key);
        return new EdgeModule(m.name(), m.type(), m.image(), e, m.createOptions(), m.ports(), m.status(), m.restartPolicy());
    }

    static EdgeModule ports(EdgeModule m, PortBinding... p) {
        return m.withPorts(List.of(p));
    }

    /** The sample with {@code n} extra leaf devices below {@code parent}. */
    static Plant withLeaves(Plant p, String parent, int n) {
        List<Device> add = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            add.add(Device.builder("extra-leaf-" + i, DeviceKind.LEAF).hostname("extra-leaf-" + i + ".contoso-plant.local")
                    .layerId("L2").parentId(parent).build());
        }
        return p.withDevices(add);
    }

    /** A new leaf device below {@code parent}. */
    static Device leaf(String id, String parent) {
        return Device.builder(id, DeviceKind.LEAF).hostname(id + ".contoso-plant.local").layerId("L2").parentId(parent).build();
    }
}
