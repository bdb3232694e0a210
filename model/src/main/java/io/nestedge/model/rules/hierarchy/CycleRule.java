package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NE-HIERARCHY-CYCLE: following parents must end at a top-layer device; a device that is its own
 * ancestor is reported (every member of the cycle gets one finding). Facts §1: a hierarchy is a tree.
 */
public final class CycleRule extends DeviceRule {
    private static final int CHEAP_STEPS = 64;

    /** Creates the rule. */
    public CycleRule() {
        super("NE-HIERARCHY-CYCLE", Severity.ERROR, "facts §1", "Parent links must not form a cycle.");
    }

    @Override
    public Reach reach() {
        return Reach.ANCESTORS;
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!inCycle(d, plant)) {
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(d.id());
        Device p = plant.deviceOrNull(d.parentId());
        while (p != null && !p.id().equals(d.id())) {
            path.add(p.id());
            p = plant.deviceOrNull(p.parentId());
        }
        path.add(d.id());
        out.add(finding(d, "parentId", "Parent links form a cycle: " + String.join(" → ", path)
                + ". No device of the cycle reaches a top-layer device.",
                "Give one device of the cycle a parent outside it, or clear its parent to make it a top-layer device."));
    }

    /**
     * Whether a device is a member of a parent-link cycle (not merely below one).
     *
     * @param d a device of {@code plant}
     * @param plant the plant
     * @return true when following parents from {@code d} comes back to {@code d}
     */
    public static boolean inCycle(Device d, Plant plant) {
        Device p = d;
        Set<String> seen = null;
        for (int step = 0; ; step++) {
            if (!p.hasParent()) {
                return false;
            }
            p = plant.deviceOrNull(p.parentId());
            if (p == null) {
                return false;
            }
            if (p.id().equals(d.id())) {
                return true;
            }
            if (step >= CHEAP_STEPS) {
                if (seen == null) {
                    seen = new HashSet<>();
                }
                if (!seen.add(p.id())) {
                    return false; // a cycle above d that d is not part of
                }
            }
        }
    }
}
