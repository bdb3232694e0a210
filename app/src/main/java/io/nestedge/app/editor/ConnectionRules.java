package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;

/**
 * Whether a child may be connected to a parent, with the reason when not (pure; used while a
 * connection is dragged and when the parent is set in the inspector). Facts §1: only IoT Edge
 * devices can be parents; a child has exactly one parent; the hierarchy is a tree (no cycles); a
 * lower layer talks only to the layer above, so a parent never sits on a lower layer than its child.
 */
public final class ConnectionRules {
    /**
     * The answer.
     *
     * @param allowed whether the connection may be made
     * @param reason why not (empty when allowed)
     */
    public record Verdict(boolean allowed, String reason) {
        /** An allowed connection. */
        public static Verdict ok() {
            return new Verdict(true, "");
        }

        /** A refused connection. */
        public static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    private ConnectionRules() {
    }

    /**
     * Checks connecting {@code childId} to {@code parentId}.
     *
     * @param plant the plant
     * @param childId device that would get the parent
     * @param parentId device that would become the parent
     * @return allowed, or refused with the reason
     */
    public static Verdict check(Plant plant, String childId, String parentId) {
        Device child = plant.deviceOrNull(childId);
        Device parent = plant.deviceOrNull(parentId);
        if (child == null || parent == null) {
            return Verdict.refused("Unknown device " + (child == null ? childId : parentId) + ".");
        }
        if (childId.equals(parentId)) {
            return Verdict.refused("A device cannot be its own parent.");
        }
        if (!parent.isEdge()) {
            return Verdict.refused(parentId + " is a leaf device: only IoT Edge devices can be parents.");
        }
        if (child.parentId().equals(parentId)) {
            return Verdict.refused(childId + " is already connected to " + parentId + ".");
        }
        if (child.hasParent() && plant.device(child.parentId()).isPresent()) {
            return Verdict.refused(childId + " already has the parent " + child.parentId()
                    + ": a child has exactly one parent. Disconnect it first.");
        }
        for (Device a : plant.ancestors(parentId)) {
            if (a.id().equals(childId)) {
                return Verdict.refused("That would make a cycle: " + parentId + " is below " + childId + ".");
            }
        }
        int ci = plant.layerIndex(child.layerId());
        int pi = plant.layerIndex(parent.layerId());
        if (ci >= 0 && pi > ci) {
            return Verdict.refused(parentId + " is on a lower layer (" + parent.layerId() + ") than "
                    + childId + " (" + child.layerId() + "): a parent sits on the same or a higher layer.");
        }
        return Verdict.ok();
    }
}
