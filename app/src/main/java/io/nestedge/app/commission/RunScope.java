package io.nestedge.app.commission;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which devices a run commissions (Start all / selected / failed only). */
public enum RunScope {
    /** Every device of the plant. */
    ALL,
    /** The devices selected on the canvas. */
    SELECTED,
    /** Devices that failed in the last run, with their descendants that were skipped or cancelled because of it. */
    FAILED;

    /**
     * The device IDs of a run, in plant order.
     *
     * @param plant the plant
     * @param selection devices selected on the canvas
     * @param last each device's status in the last run (devices never run are absent)
     * @return the IDs (empty when nothing matches)
     */
    public List<String> devices(Plant plant, Collection<String> selection, Map<String, DeviceRunStatus> last) {
        Set<String> want = new LinkedHashSet<>();
        switch (this) {
            case ALL -> plant.devices().forEach(d -> want.add(d.id()));
            case SELECTED -> want.addAll(selection);
            case FAILED -> {
                for (Device d : plant.devices()) {
                    DeviceRunStatus s = last.get(d.id());
                    if (s == DeviceRunStatus.FAILED || s == DeviceRunStatus.CANCELLED) {
                        want.add(d.id());
                    }
                }
                for (Device d : plant.devices()) {
                    DeviceRunStatus s = last.get(d.id());
                    if ((s == DeviceRunStatus.SKIPPED || s == DeviceRunStatus.CANCELLED)
                            && plant.ancestors(d.id()).stream().anyMatch(a -> want.contains(a.id()))) {
                        want.add(d.id());
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Device d : plant.devices()) {
            if (want.contains(d.id())) {
                out.add(d.id());
            }
        }
        return out;
    }
}
