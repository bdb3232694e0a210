package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.rules.Severity;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A device on the canvas: a {@link Control} whose look lives in {@link DeviceNodeSkin}. It holds
 * only what the skin draws (device, gateway flag, worst finding, selection, connection feedback and
 * a slot for a commissioning status badge); gestures live in the canvas.
 */
public final class DeviceNode extends Control {
    /** Style class of every device node. */
    public static final String STYLE_CLASS = "device-node";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass GATEWAY = PseudoClass.getPseudoClass("gateway");
    private static final PseudoClass LEAF = PseudoClass.getPseudoClass("leaf");
    private static final PseudoClass CONNECT_OK = PseudoClass.getPseudoClass("connect-ok");
    private static final PseudoClass CONNECT_REFUSED = PseudoClass.getPseudoClass("connect-refused");

    /** Connection feedback while a link is dragged over the node. */
    public enum ConnectState {
        /** No link is dragged over this node. */
        NONE,
        /** Dropping here would connect. */
        OK,
        /** Dropping here is refused. */
        REFUSED
    }

    private final ObjectProperty<Device> device = new SimpleObjectProperty<>(this, "device");
    private final BooleanProperty gateway = new SimpleBooleanProperty(this, "gateway");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity");
    private final StringProperty findingsText = new SimpleStringProperty(this, "findingsText", "");
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private final ObjectProperty<ConnectState> connectState = new SimpleObjectProperty<>(this, "connectState", ConnectState.NONE);
    private final ObjectProperty<Node> statusBadge = new SimpleObjectProperty<>(this, "statusBadge");

    /**
     * A node for a device.
     *
     * @param d the device
     */
    public DeviceNode(Device d) {
        getStyleClass().add(STYLE_CLASS);
        setManaged(false);
        setPrefSize(NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
        setMinSize(NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
        setMaxSize(NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
        resize(NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
        // Pan, zoom and drag move whole nodes: cache them as bitmaps (DesignerBenchmark measures it).
        setCache(true);
        setCacheHint(javafx.scene.CacheHint.DEFAULT);
        selected.addListener((o, a, b) -> pseudoClassStateChanged(SELECTED, b));
        gateway.addListener((o, a, b) -> pseudoClassStateChanged(GATEWAY, b));
        device.addListener((o, a, b) -> pseudoClassStateChanged(LEAF, b != null && !b.isEdge()));
        connectState.addListener((o, a, b) -> {
            pseudoClassStateChanged(CONNECT_OK, b == ConnectState.OK);
            pseudoClassStateChanged(CONNECT_REFUSED, b == ConnectState.REFUSED);
        });
        device.set(d);
        setId("device-" + d.id());
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DeviceNodeSkin(this);
    }

    /** The device drawn. */
    public ObjectProperty<Device> deviceProperty() { return device; }
    /** The device drawn. */
    public Device getDevice() { return device.get(); }
    /** True for an IoT Edge device with children (derived from the plant). */
    public BooleanProperty gatewayProperty() { return gateway; }
    /** Worst finding severity, or null without findings. */
    public ObjectProperty<Severity> severityProperty() { return severity; }
    /** The device's findings as text (badge tooltip). */
    public StringProperty findingsTextProperty() { return findingsText; }
    /** Whether the device is selected. */
    public BooleanProperty selectedProperty() { return selected; }
    /** Connection feedback while a link is dragged. */
    public ObjectProperty<ConnectState> connectStateProperty() { return connectState; }
    /** Slot for a commissioning status badge (shown in the caption's row, hiding the caption); null for none. */
    public ObjectProperty<Node> statusBadgeProperty() { return statusBadge; }
}
