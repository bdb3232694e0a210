package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DevicePorts;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.ui.Icons;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.rules.Severity;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The look of a {@link DeviceNode}: kind stripe and icon (gateway derived from children), device ID,
 * hostname, a caption with the modules, an upstream port on the top edge, labelled downstream ports
 * on the bottom edge, the worst-finding badge and the status-badge slot (a commissioning status shown in
 * the caption's row while present). Colours come from the
 * AtlantaFX theme through {@code designer.css}.
 */
public final class DeviceNodeSkin extends SkinBase<DeviceNode> {
    /** Style class of the upstream port. */
    public static final String UPSTREAM_PORT = "upstream-port";
    /** Style class of a downstream port. */
    public static final String DOWNSTREAM_PORT = "downstream-port";
    /** Node property key holding a downstream port's number. */
    public static final String PORT_KEY = "nestedge.port";
    /** Node property key holding a downstream port's tooltip text until the tooltip is installed. */
    private static final String TIP_KEY = "nestedge.port.tip";
    private static final String UPSTREAM_TIP = "Upstream port: drag onto a parent's downstream port to connect";

    private final Region body = new Region();
    private final Region stripe = new Region();
    private final StackPane iconBox = new StackPane();
    private final Label id = new Label();
    private final Label host = new Label();
    private final Label caption = new Label();
    private final StackPane badge = new StackPane();
    private final HBox statusSlot = new HBox();
    private final Circle upstream = new Circle(NodeMetrics.PORT_RADIUS);
    private final Region portLayer = new Region();
    /** The badge's tooltip, created with the others on the first hover (null until then). */
    private Tooltip badgeTip;
    private boolean tooltipsInstalled;

    /**
     * Builds the skin.
     *
     * @param node the control
     */
    public DeviceNodeSkin(DeviceNode node) {
        super(node);
        consumeMouseEvents(false); // gestures are handled by the canvas
        body.getStyleClass().add("device-body");
        stripe.getStyleClass().add("kind-stripe");
        iconBox.getStyleClass().add("device-icon-box");
        id.getStyleClass().add("device-id");
        host.getStyleClass().add("device-host");
        caption.getStyleClass().add("device-caption");
        badge.getStyleClass().add("finding-badge");
        statusSlot.getStyleClass().add("status-slot");
        statusSlot.setAlignment(Pos.CENTER_LEFT);
        statusSlot.setMouseTransparent(true);
        upstream.getStyleClass().addAll("port", UPSTREAM_PORT);
        portLayer.setMouseTransparent(true);
        // Tooltips are popup controls, each with its own scene and CSS: creating several per node made
        // up much of the cost of a node scrolling into view. They are installed on the first hover
        // (MOUSE_ENTERED reaches the node before any part of it, so the hover that shows one is the
        // one that installed it).
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTooltips());
        getChildren().addAll(body, stripe, iconBox, id, host, caption, statusSlot, badge, upstream);
        node.deviceProperty().addListener((o, a, b) -> rebuild());
        node.gatewayProperty().addListener((o, a, b) -> rebuild());
        node.severityProperty().addListener((o, a, b) -> updateBadge());
        node.findingsTextProperty().addListener((o, a, b) -> {
            if (badgeTip != null) {
                badgeTip.setText(b);
            }
        });
        node.statusBadgeProperty().addListener((o, a, b) -> {
            statusSlot.getChildren().setAll(b == null ? List.of() : List.of(b));
            caption.setVisible(b == null);
        });
        rebuild();
        updateBadge();
    }

    private void rebuild() {
        DeviceNode n = getSkinnable();
        Device d = n.getDevice();
        boolean gw = n.gatewayProperty().get();
        iconBox.getChildren().setAll(Icons.device(d, gw));
        id.setText(d.displayName().equals(d.id()) ? d.id() : d.displayName() + "  (" + d.id() + ")");
        host.setText(d.hostname().isEmpty() ? "no hostname" : d.hostname());
        caption.setText(caption(d, gw));
        getChildren().removeIf(x -> x.getStyleClass().contains(DOWNSTREAM_PORT) || x.getStyleClass().contains("port-label"));
        List<DevicePorts.Port> ports = DevicePorts.downstream(d);
        for (int i = 0; i < ports.size(); i++) {
            DevicePorts.Port p = ports.get(i);
            double x = DevicePorts.portX(i, ports.size());
            Circle c = new Circle(NodeMetrics.PORT_RADIUS);
            c.getStyleClass().addAll("port", DOWNSTREAM_PORT);
            c.getProperties().put(PORT_KEY, p.port());
            c.setCenterX(x);
            c.setCenterY(NodeMetrics.HEIGHT);
            c.getProperties().put(TIP_KEY, p.port() + "/" + p.protocol() + " on " + p.owner() + ": children connect here");
            if (tooltipsInstalled) {
                installPortTooltip(c);
            }
            Label l = new Label(String.valueOf(p.port()));
            l.getStyleClass().add("port-label");
            l.setMouseTransparent(true);
            l.setManaged(false);
            l.resizeRelocate(x - 22, NodeMetrics.HEIGHT - 21, 44, 14);
            getChildren().addAll(c, l);
        }
        upstream.setCenterX(NodeMetrics.WIDTH / 2);
        upstream.setCenterY(0);
    }

    /**
     * Installs the tooltips of the badge and the ports (once per skin; ports created later by a
     * rebuild get theirs at once).
     */
    private void installTooltips() {
        if (tooltipsInstalled) {
            return;
        }
        tooltipsInstalled = true;
        badgeTip = new Tooltip(getSkinnable().findingsTextProperty().get());
        Tooltip.install(badge, badgeTip);
        Tooltip.install(upstream, new Tooltip(UPSTREAM_TIP));
        for (javafx.scene.Node n : getChildren()) {
            if (n.getProperties().get(TIP_KEY) != null) {
                installPortTooltip(n);
            }
        }
    }

    private static void installPortTooltip(javafx.scene.Node port) {
        Tooltip.install(port, new Tooltip((String) port.getProperties().get(TIP_KEY)));
    }

    /** True once the tooltips are installed (on the node's first hover; tests). */
    boolean tooltipsInstalled() {
        return tooltipsInstalled;
    }

    private static String caption(Device d, boolean gw) {
        if (!d.isEdge()) {
            return "Leaf device · " + d.provisioning().method().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(gw ? "Gateway" : "IoT Edge");
        for (EdgeModule m : d.modules()) {
            sb.append(" · ").append(switch (m.type()) {
                case API_PROXY -> "API proxy";
                case REGISTRY -> "registry";
                case BLOB_STORAGE -> "blob";
                case CUSTOM -> m.name();
            });
        }
        return sb.toString();
    }

    private void updateBadge() {
        Severity s = getSkinnable().severityProperty().get();
        badge.getStyleClass().removeAll("error", "warning", "info");
        if (s == null) {
            badge.setVisible(false);
            badge.getChildren().clear();
            return;
        }
        badge.setVisible(true);
        badge.getStyleClass().add(s.name().toLowerCase(java.util.Locale.ROOT));
        FontIcon icon = Icons.severity(s);
        icon.getStyleClass().add("badge-icon");
        badge.getChildren().setAll(icon);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double width = NodeMetrics.WIDTH;
        double height = NodeMetrics.HEIGHT;
        body.resizeRelocate(0, 0, width, height);
        stripe.resizeRelocate(0, 0, 5, height);
        iconBox.resizeRelocate(14, 12, 34, 34);
        double textX = 58;
        id.resizeRelocate(textX, 9, width - textX - 34, 20);
        host.resizeRelocate(textX, 29, width - textX - 10, 16);
        caption.resizeRelocate(14, 48, width - 24, 16);
        badge.resizeRelocate(width - 28, 8, 20, 20);
        // The commissioning status badge takes the caption's row (the caption is hidden meanwhile).
        statusSlot.resizeRelocate(12, 46, width - 22, 20);
    }

    @Override
    protected double computePrefWidth(double h, double t, double r, double b, double l) {
        return NodeMetrics.WIDTH;
    }

    @Override
    protected double computePrefHeight(double w, double t, double r, double b, double l) {
        return NodeMetrics.HEIGHT;
    }
}
