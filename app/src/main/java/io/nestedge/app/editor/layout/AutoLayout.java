package io.nestedge.app.editor.layout;

import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.samples.SamplePlants;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.components.ComponentOrderingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
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
 * is an ELK partition, so lanes keep their order and children sit below their parents.
 *
 * <p>ELK gives the order and x of the devices; the rows are this class's own (ADR 1320): a device's
 * row in its lane is the number of its ancestors in the same lane, which is the ELK layer the
 * {@code LONGEST_PATH_SOURCE} layering assigns inside a partition, so devices on one row never
 * overlap. Rows are {@link #LAYER_GAP} apart and lanes stacked with the {@code LaneGeometry} formula.
 * Connected components (one per top-layer tree) are placed side by side in plant order, so a lane
 * holds one row per depth instead of one per tree, and links do not cross other trees' rows.
 */
public final class AutoLayout {
    /** Horizontal gap between devices, pixels. */
    public static final double NODE_GAP = 36;
    /** Vertical gap between ELK layers, pixels. */
    public static final double LAYER_GAP = 56;
    /** Left margin of the laid-out plant, pixels. */
    public static final double LEFT = 160;
    /** An aspect ratio no plant reaches, so ELK's component packer never starts a second row. */
    private static final double COMPONENTS_IN_ONE_ROW = 1e6;

    static {
        // Registers ELK's option types (ElkReflect) and the layered algorithm's options once.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();

    private AutoLayout() {
    }

    /**
     * Lays out a generated 100-device plant and discards the result: loads ELK's classes (a cold JVM
     * spends most of its first layout loading them and running them interpreted, ADR 1320). Takes
     * about 0.8 s of CPU in a cold JVM, a few milliseconds afterwards.
     */
    public static void warmUp() {
        compute(SamplePlants.generate(60, 40), () -> false);
    }

    /**
     * Runs {@link #warmUp()} once per JVM on a daemon thread of minimum priority, after {@code delay}
     * (so that it does not compete with showing the window and opening the first plant). Returns at once.
     *
     * @param delay how long to wait first
     */
    public static void warmUpInBackground(Duration delay) {
        if (!WARM_UP_STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                warmUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Only a warm-up: a real layout reports its own failure to the user.
                System.getLogger(AutoLayout.class.getName()).log(System.Logger.Level.DEBUG, "ELK warm-up failed", e);
            }
        }, "nestedge-layout-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
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
        // A plant is a forest: the longest path from a source is the depth, what network simplex finds at
        // several times the cost (ADR 1320).
        graph.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH_SOURCE);
        // Trees side by side (one row of components), in plant order.
        graph.setProperty(CoreOptions.ASPECT_RATIO, COMPONENTS_IN_ONE_ROW);
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_COMPONENTS, ComponentOrderingStrategy.MODEL_ORDER);
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
        int[] row = rowsInLane(devices, laneOf, nodes);
        // Lanes stacked as LaneGeometry stacks them: padding, rows, then LaneGeometry.laneHeight.
        int[] rows = new int[lanes];
        java.util.Arrays.fill(rows, -1);
        for (int i = 0; i < devices.size(); i++) {
            int l = laneOf.get(nodes.get(devices.get(i).id()));
            rows[l] = Math.max(rows[l], row[i]);
        }
        double[] laneTop = new double[lanes];
        double top = 0;
        for (int l = 0; l < lanes; l++) {
            laneTop[l] = top;
            double lowest = rows[l] < 0 ? 0 : NodeMetrics.LANE_PADDING + (rows[l] + 1) * NodeMetrics.HEIGHT + rows[l] * LAYER_GAP;
            top += LaneGeometry.laneHeight(lowest);
        }
        double minX = Double.POSITIVE_INFINITY;
        for (ElkNode n : nodes.values()) {
            minX = Math.min(minX, n.getX());
        }
        Map<String, Position> out = new LinkedHashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            ElkNode n = nodes.get(devices.get(i).id());
            double y = laneTop[laneOf.get(n)] + NodeMetrics.LANE_PADDING + row[i] * (NodeMetrics.HEIGHT + LAYER_GAP);
            out.put(devices.get(i).id(), new Position(Math.round(n.getX() - minX + LEFT), Math.round(y)));
        }
        return out;
    }

    /**
     * Row of each device in its lane: the number of its ancestors in the same lane (0 for a device whose
     * parent is in another lane or missing). A parent cycle (refused by validation) ends the count.
     */
    private static int[] rowsInLane(List<Device> devices, Map<ElkNode, Integer> laneOf,
            Map<String, ElkNode> nodes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            index.put(devices.get(i).id(), i);
        }
        int[] row = new int[devices.size()];
        java.util.Arrays.fill(row, -1);
        for (int i = 0; i < devices.size(); i++) {
            // Walk up while the parent is in the same lane and its row unknown, then fill the chain back down.
            java.util.ArrayDeque<Integer> chain = new java.util.ArrayDeque<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            int at = i;
            int base = -1;
            while (row[at] < 0 && seen.add(at)) {
                chain.push(at);
                Device d = devices.get(at);
                Integer p = d.parentId() == null ? null : index.get(d.parentId());
                if (p == null || laneOf.get(nodes.get(d.parentId())).intValue() != laneOf.get(nodes.get(d.id())).intValue()) {
                    break;
                }
                at = p;
            }
            if (row[at] >= 0) {
                base = row[at];
            }
            while (!chain.isEmpty()) {
                int c = chain.pop();
                if (row[c] < 0) {
                    row[c] = ++base;
                }
            }
        }
        return row;
    }
}
