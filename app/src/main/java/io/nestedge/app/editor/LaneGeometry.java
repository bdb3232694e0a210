package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Layer;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ISA-95 layer lanes and the devices are on the canvas, computed from a plant (pure).
 *
 * <p>Lanes are stacked top layer first. A device is drawn in the lane of its {@code layerId}; its
 * stored y is kept when it lies inside that lane and clamped into it otherwise, so a file whose
 * positions disagree with its layers still draws every device in its own lane. A lane grows to hold
 * its lowest device. Devices whose layer is unknown are drawn in the last lane.
 */
public final class LaneGeometry {
    /**
     * One lane.
     *
     * @param layer the layer
     * @param index index in the plant's layers (0 = top)
     * @param top top edge, canvas pixels
     * @param bottom bottom edge, canvas pixels
     */
    public record Lane(Layer layer, int index, double top, double bottom) {
        /** Height in pixels. */
        public double height() {
            return bottom - top;
        }

        /** True when {@code y} lies in this lane (top inclusive). */
        public boolean contains(double y) {
            return y >= top && y < bottom;
        }
    }

    private final List<Lane> lanes;
    private final Map<String, Position> positions;
    private final double minX;
    private final double maxX;

    private LaneGeometry(List<Lane> lanes, Map<String, Position> positions, double minX, double maxX) {
        this.lanes = List.copyOf(lanes);
        this.positions = positions;
        this.minX = minX;
        this.maxX = maxX;
    }

    /**
     * Computes the geometry of a plant in O(n log n).
     *
     * @param plant the plant
     * @return lanes and effective device positions
     */
    public static LaneGeometry of(Plant plant) {
        List<Layer> layers = plant.layers().isEmpty() ? Layer.defaults() : plant.layers();
        List<List<Device>> byLane = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            byLane.add(new ArrayList<>());
        }
        for (Device d : plant.devices()) {
            int i = plant.layerIndex(d.layerId());
            byLane.get(i < 0 ? layers.size() - 1 : i).add(d);
        }
        List<Lane> lanes = new ArrayList<>();
        Map<String, Position> pos = new HashMap<>();
        double top = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < layers.size(); i++) {
            List<Device> ds = byLane.get(i);
            ds.sort(Comparator.comparingDouble(d -> d.position().y()));
            double minTop = top + NodeMetrics.LANE_PADDING;
            double lowest = top;
            for (Device d : ds) {
                double y = Math.max(d.position().y(), minTop);
                pos.put(d.id(), new Position(d.position().x(), y));
                lowest = Math.max(lowest, y + NodeMetrics.HEIGHT);
                minX = Math.min(minX, d.position().x());
                maxX = Math.max(maxX, d.position().x() + NodeMetrics.WIDTH);
            }
            double bottom = top + laneHeight(ds.isEmpty() ? 0 : lowest - top);
            lanes.add(new Lane(layers.get(i), i, top, bottom));
            top = bottom;
        }
        if (minX > maxX) {
            minX = 0;
            maxX = NodeMetrics.WIDTH;
        }
        return new LaneGeometry(lanes, pos, minX, maxX);
    }

    /**
     * Height of a lane: the padding below its lowest device, and at least
     * {@link NodeMetrics#MIN_LANE_HEIGHT}. Used here and by auto-layout, which stacks lanes before the
     * devices have positions.
     *
     * @param contentBottom how far below the lane's top its lowest device ends, pixels; 0 for an empty lane
     * @return the lane's height, pixels
     */
    public static double laneHeight(double contentBottom) {
        return Math.max(NodeMetrics.MIN_LANE_HEIGHT, contentBottom <= 0 ? 0 : contentBottom + NodeMetrics.LANE_PADDING);
    }

    /** Lanes, top layer first. */
    public List<Lane> lanes() {
        return lanes;
    }

    /** Where a device is drawn (top-left corner), or empty for an unknown ID. */
    public Optional<Position> position(String deviceId) {
        return Optional.ofNullable(positions.get(deviceId));
    }

    /** The lane containing {@code y}; above the first lane gives the first, below the last gives the last. */
    public Lane laneAt(double y) {
        for (Lane l : lanes) {
            if (l.contains(y)) {
                return l;
            }
        }
        return y < 0 ? lanes.get(0) : lanes.get(lanes.size() - 1);
    }

    /** The lane of a layer ID, if the plant has that layer. */
    public Optional<Lane> lane(String layerId) {
        return lanes.stream().filter(l -> l.layer().id().equals(layerId)).findFirst();
    }

    /** Bottom edge of the last lane. */
    public double height() {
        return lanes.get(lanes.size() - 1).bottom();
    }

    /** Leftmost device x (0 without devices). */
    public double minX() {
        return minX;
    }

    /** Rightmost device right edge. */
    public double maxX() {
        return maxX;
    }

    /**
     * Clamps a device's top-left y into a lane so the whole node fits below the lane's top padding.
     *
     * @param lane the target lane
     * @param y proposed top edge
     * @return the y to store
     */
    public static double clampInto(Lane lane, double y) {
        return Math.max(y, lane.top() + NodeMetrics.LANE_PADDING);
    }

    /**
     * The device whose node contains a content point, the last drawn (topmost) first.
     *
     * @param plant the plant (for drawing order)
     * @param x content x
     * @param y content y
     * @param slack extra margin around each node, pixels (ports stick out of the node)
     * @return the device ID, if any
     */
    public Optional<String> deviceAt(Plant plant, double x, double y, double slack) {
        List<Device> ds = plant.devices();
        for (int i = ds.size() - 1; i >= 0; i--) {
            Position p = positions.get(ds.get(i).id());
            if (p != null && x >= p.x() - slack && x <= p.x() + NodeMetrics.WIDTH + slack
                    && y >= p.y() - slack && y <= p.y() + NodeMetrics.HEIGHT + slack) {
                return Optional.of(ds.get(i).id());
            }
        }
        return Optional.empty();
    }

    /**
     * The devices whose nodes intersect a content rectangle (marquee selection).
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @return device IDs
     */
    public List<String> devicesIn(double x, double y, double w, double h) {
        List<String> out = new ArrayList<>();
        positions.forEach((id, p) -> {
            if (p.x() < x + w && p.x() + NodeMetrics.WIDTH > x && p.y() < y + h && p.y() + NodeMetrics.HEIGHT > y) {
                out.add(id);
            }
        });
        return out;
    }
}
