package io.nestedge.app.editor.layout;

import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Automatic layout with ELK Layered (pure, no JavaFX; safe to run off the FX thread). Devices are
 * nodes, child→parent links are edges from parent to child, direction down, and every ISA-95 layer
 * is an ELK partition, so lanes keep their order and children sit below their parents. The ELK
 * coordinates of each lane are then shifted into that lane (see {@code LaneGeometry}).
 */
public final class AutoLayout {
    /** Horizontal gap between devices, pixels. */
    public static final double NODE_GAP = 36;
    /** Vertical gap between ELK layers, pixels. */
    public static final double LAYER_GAP = 56;
    /** Left margin of the laid-out plant, pixels. */
    public static final double LEFT = 160;

    static {
        // Registers ELK's option types (ElkReflect) and the layered algorithm's options once.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private AutoLayout() {
    }

    /**
     * Computes new positions for every device.
     *
     * @param plant the plant
     * @param cancelled polled by ELK; when it returns true the layout stops
     * @return device ID to new top-left position
     * @throws CancellationException when cancelled
     */
    public static Map<String, Position> compute(Plant plant, BooleanSupplier cancelled) {
        List<Device> devices = plant.devices();
        if (devices.isEmpty()) {
            return Map.of();
        }
        int lanes = Math.max(1, plant.layers().size());
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        graph.setProperty(LayeredOptions.THOROUGHNESS, devices.size() > 500 ? 1 : 7);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<ElkNode, Integer> laneOf = new HashMap<>();
        for (Device d : devices) {
            ElkNode n = ElkGraphUtil.createNode(graph);
            n.setIdentifier(d.id());
            n.setDimensions(NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
            int lane = plant.layerIndex(d.layerId());
            lane = lane < 0 ? lanes - 1 : lane;
            n.setProperty(LayeredOptions.PARTITIONING_PARTITION, lane);
            nodes.put(d.id(), n);
            laneOf.put(n, lane);
        }
        for (Device d : devices) {
            ElkNode parent = nodes.get(d.parentId());
            if (parent != null && !d.parentId().equals(d.id())) {
                ElkGraphUtil.createSimpleEdge(parent, nodes.get(d.id()));
            }
        }
        BasicProgressMonitor monitor = new BasicProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
        new LayeredLayoutProvider().layout(graph, monitor);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("layout cancelled");
        }
        // Shift each lane's ELK rows into that lane, lanes stacked with the LaneGeometry formula.
        double[] minY = new double[lanes];
        double[] maxY = new double[lanes];
        java.util.Arrays.fill(minY, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(maxY, Double.NEGATIVE_INFINITY);
        double minX = Double.POSITIVE_INFINITY;
        for (ElkNode n : nodes.values()) {
            int l = laneOf.get(n);
            minY[l] = Math.min(minY[l], n.getY());
            maxY[l] = Math.max(maxY[l], n.getY());
            minX = Math.min(minX, n.getX());
        }
        double[] offset = new double[lanes];
        double top = 0;
        for (int l = 0; l < lanes; l++) {
            if (minY[l] == Double.POSITIVE_INFINITY) {
                top += NodeMetrics.MIN_LANE_HEIGHT;
                continue;
            }
            offset[l] = top + NodeMetrics.LANE_PADDING - minY[l];
            double lowest = maxY[l] + offset[l] + NodeMetrics.HEIGHT;
            top = Math.max(top + NodeMetrics.MIN_LANE_HEIGHT, lowest + NodeMetrics.LANE_PADDING);
        }
        Map<String, Position> out = new LinkedHashMap<>();
        for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
            ElkNode n = e.getValue();
            out.put(e.getKey(), new Position(Math.round(n.getX() - minX + LEFT), Math.round(n.getY() + offset[laneOf.get(n)])));
        }
        return out;
    }
}
