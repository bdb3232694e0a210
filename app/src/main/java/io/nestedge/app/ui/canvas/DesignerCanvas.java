package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Viewport;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Finding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * The canvas view: lanes (screen space), links and device nodes (content space, zoomed and panned),
 * and an overlay for gesture feedback. It mirrors {@link DesignerModel} (plant, selection, findings)
 * and dispatches mouse input to one gesture object at a time; gestures change only the view until
 * release and then push one command to the model.
 */
public final class DesignerCanvas extends Region {
    private final DesignerModel model;
    private final LaneBackground lanes = new LaneBackground();
    private final Group content = new Group();
    private final LinkLayer links = new LinkLayer();
    private final Group nodeLayer = new Group();
    private final Group contentOverlay = new Group();
    private final Group overlay = new Group();
    private final Affine transform = new Affine();
    private final Map<String, DeviceNode> nodes = new HashMap<>();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.DEFAULT);
    private LaneGeometry geometry;
    private CanvasGesture active;
    private boolean spaceDown;
    private boolean fitPending = true;

    /**
     * A canvas for a model.
     *
     * @param model the editor engine
     */
    public DesignerCanvas(DesignerModel model) {
        this.model = model;
        getStyleClass().add("designer-canvas");
        setFocusTraversable(true);
        content.getTransforms().add(transform);
        content.getChildren().addAll(links, nodeLayer, contentOverlay);
        overlay.setMouseTransparent(true);
        contentOverlay.setMouseTransparent(true);
        getChildren().addAll(lanes, content, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        model.plantProperty().addListener((o, a, b) -> sync());
        model.findingsProperty().addListener((o, a, b) -> syncFindings());
        model.selection().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded() && nodes.containsKey(c.getElementAdded())) {
                nodes.get(c.getElementAdded()).selectedProperty().set(true);
            }
            if (c.wasRemoved() && nodes.containsKey(c.getElementRemoved())) {
                nodes.get(c.getElementRemoved()).selectedProperty().set(false);
            }
        });
        viewport.addListener((o, a, b) -> applyViewport());
        widthProperty().addListener((o, a, b) -> applyViewport());
        heightProperty().addListener((o, a, b) -> applyViewport());
        installInput();
        sync();
        applyViewport();
    }

    private void installInput() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (active != null) {
                return;
            }
            active = pick(e);
            if (active != null) {
                active.press(e);
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (active != null) {
                active.drag(e);
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (active != null) {
                CanvasGesture g = active;
                active = null;
                g.release(e);
                e.consume();
            }
        });
        setOnScroll(new ZoomGesture(this)::scroll);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
            } else if (e.getCode() == KeyCode.ESCAPE && active != null) {
                active.cancel();
                active = null;
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
            }
        });
        new PaletteDropGesture(this).install();
    }

    private CanvasGesture pick(MouseEvent e) {
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            return new PanGesture(this);
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return null;
        }
        Node hit = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        DeviceNode dn = deviceNodeOf(hit);
        if (dn != null && hit.getStyleClass().contains(DeviceNodeSkin.UPSTREAM_PORT)) {
            return new ConnectGesture(this, dn.getDevice().id());
        }
        if (dn != null) {
            return new MoveGesture(this, dn.getDevice().id());
        }
        return new MarqueeGesture(this);
    }

    private static DeviceNode deviceNodeOf(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof DeviceNode d) {
                return d;
            }
        }
        return null;
    }

    /** Rebuilds nodes, links and lanes from the model's plant (keeps existing nodes). */
    private void sync() {
        Plant p = model.plant();
        geometry = LaneGeometry.of(p);
        Set<String> seen = new HashSet<>();
        for (Device d : p.devices()) {
            seen.add(d.id());
            DeviceNode n = nodes.get(d.id());
            if (n == null) {
                n = new DeviceNode(d);
                nodes.put(d.id(), n);
                nodeLayer.getChildren().add(n);
                n.selectedProperty().set(model.selection().contains(d.id()));
            } else if (!n.getDevice().equals(d)) {
                n.deviceProperty().set(d);
            }
            n.gatewayProperty().set(p.isGateway(d.id()));
            Position at = geometry.position(d.id()).orElse(d.position());
            n.relocate(at.x(), at.y());
        }
        nodes.keySet().removeIf(id -> {
            if (!seen.contains(id)) {
                nodeLayer.getChildren().remove(nodes.get(id));
                return true;
            }
            return false;
        });
        links.rebuild(p, geometry::position);
        lanes.setGeometry(geometry);
        syncFindings();
        lanes.render(viewport.get(), getWidth(), getHeight());
    }

    private void syncFindings() {
        FindingsSummary f = model.findings();
        nodes.forEach((id, n) -> {
            n.severityProperty().set(f.worst(id).orElse(null));
            n.findingsTextProperty().set(f.of(id).stream().map(Finding::toLine).collect(Collectors.joining("\n")));
        });
    }

    private void applyViewport() {
        Viewport v = viewport.get();
        transform.setToTransform(v.zoom(), 0, v.tx(), 0, v.zoom(), v.ty());
        lanes.render(v, getWidth(), getHeight());
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fit();
        }
    }

    @Override
    protected void layoutChildren() {
        lanes.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** Fits the whole plant (all lanes, all devices) into the view, at most 100 %. */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double x0 = Math.min(0, geometry.minX()) - 40;
        double w = Math.max(geometry.maxX(), 600) - x0 + 40;
        Viewport v = Viewport.fit(x0, 0, w, geometry.height(), getWidth(), getHeight(), 8);
        // keep the lanes' top at the top of the view
        viewport.set(new Viewport(v.zoom(), v.tx(), Math.min(v.ty(), 0) == v.ty() ? v.ty() : 0));
    }

    /** Centres the view on a device (Find). */
    public void reveal(String deviceId) {
        geometry.position(deviceId).ifPresent(p -> {
            Viewport v = viewport.get();
            double cx = p.x() + NodeMetrics.WIDTH / 2;
            double cy = p.y() + NodeMetrics.HEIGHT / 2;
            viewport.set(new Viewport(v.zoom(), getWidth() / 2 - cx * v.zoom(), getHeight() / 2 - cy * v.zoom()));
        });
    }

    /** Zooms by a factor around the view's centre. */
    public void zoomBy(double factor) {
        viewport.set(viewport.get().zoomAt(factor, getWidth() / 2, getHeight() / 2));
    }

    // ---- services for gestures (package-private) ----

    DesignerModel model() {
        return model;
    }

    LaneGeometry geometry() {
        return geometry;
    }

    LaneBackground lanes() {
        return lanes;
    }

    LinkLayer links() {
        return links;
    }

    Group contentOverlay() {
        return contentOverlay;
    }

    Group overlay() {
        return overlay;
    }

    Optional<DeviceNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Content coordinates of a mouse event. */
    Point2D toContent(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        Viewport v = viewport.get();
        return new Point2D(v.toContentX(local.getX()), v.toContentY(local.getY()));
    }

    /** The viewport (zoom and pan). */
    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    /** The node drawing a device (tests, screenshots). */
    public Optional<DeviceNode> deviceNode(String id) {
        return node(id);
    }

    /**
     * Shows the TLS verification result of a child's link to its parent.
     *
     * @param childId the child device
     * @param state {@code tls-ok}, {@code tls-warning}, {@code tls-failed}, or null to clear
     */
    public void setLinkTls(String childId, String state) {
        links.tls(childId, state, geometry::position);
    }

    /** The TLS state shown on a child's link ({@code tls-ok}, …), or null (tests). */
    public String linkTls(String childId) {
        return links.tls(childId);
    }

    /** Number of device nodes (benchmark). */
    public int nodeCount() {
        return nodes.size();
    }
}
