package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Viewport;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.app.editor.SpatialIndex.Rect;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
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
    private final DeviceNodeLayer nodeLayer;
    private final OverviewLayer overview;
    private final AnimationTimer prefetcher = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!nodeLayer.prefetchPass()) {
                stop();
            }
        }
    };
    private final Group contentOverlay = new Group();
    private final Group overlay = new Group();
    private final Affine transform = new Affine();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.DEFAULT);
    private LaneGeometry geometry;
    private CanvasGesture active;
    private boolean spaceDown;
    private boolean fitPending = true;
    private Rect cacheArea;
    private double cacheZoom;
    private Set<String> moving = Set.of();
    private double moveX;
    private double moveY;

    /** Below this zoom the canvas draws the plant as plain rectangles ({@link OverviewLayer}), not device nodes. */
    public static final double DETAIL_ZOOM = 0.4;
    /** Prefetch margin around the view, as a fraction of the view's larger side. */
    private static final double MARGIN = 0.3;

    /**
     * A canvas for a model.
     *
     * @param model the editor engine
     */
    public DesignerCanvas(DesignerModel model) {
        this.model = model;
        this.nodeLayer = new DeviceNodeLayer(model.selection());
        this.overview = new OverviewLayer(model.selection());
        getStyleClass().add("designer-canvas");
        getStylesheets().add(DesignerCanvas.class.getResource("canvas-overview.css").toExternalForm());
        setFocusTraversable(true);
        content.getTransforms().add(transform);
        content.getChildren().addAll(overview, links, nodeLayer, contentOverlay);
        // Layout roots: nodes and curves created, dropped or re-shaped while panning and dragging ask
        // for a layout of their own group only, not of the split panes and the window around the canvas.
        content.setManaged(false);
        overlay.setManaged(false);
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
            if (c.wasAdded()) {
                nodeLayer.setSelected(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                nodeLayer.setSelected(c.getElementRemoved(), false);
            }
            overview.invalidate();
            requestLayout();
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
        // overview (no nodes) or a node not created yet: hit-test the geometry
        Point2D c = toContent(e.getSceneX(), e.getSceneY());
        Optional<String> under = deviceAt(c.getX(), c.getY(), 0);
        if (under.isPresent()) {
            return new MoveGesture(this, under.get());
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

    /** Re-reads the plant: geometry, index, the nodes and links that exist, lanes (no node is created off screen). */
    private void sync() {
        Plant p = model.plant();
        geometry = LaneGeometry.of(p);
        moving = Set.of();
        nodeLayer.setPlant(p, geometry);
        links.rebuild(p, geometry::position);
        overview.setPlant(p, geometry, links.shapes());
        lanes.setGeometry(geometry);
        syncFindings();
        lanes.render(viewport.get(), getWidth(), getHeight());
        updateVisible();
    }

    private void syncFindings() {
        FindingsSummary f = model.findings();
        nodeLayer.setFindings(f);
        overview.setFindings(f);
        requestLayout();
    }

    /** Creates/drops nodes and links for the area on screen, or switches to the overview when zoomed out. */
    private void updateVisible() {
        Viewport v = viewport.get();
        double w = getWidth();
        double h = getHeight();
        boolean detail = v.zoom() >= DETAIL_ZOOM;
        overview.setShown(!detail, v.zoom());
        if (w > 0 && h > 0) {
            Rect view = new Rect(v.toContentX(0), v.toContentY(0), w / v.zoom(), h / v.zoom());
            if (cacheArea == null || cacheZoom != v.zoom() || !inside(view, cacheArea)) {
                cacheZoom = v.zoom();
                cacheArea = view.grow(Math.max(w, h) / v.zoom() * MARGIN);
            }
            links.setCacheArea(cacheArea);
            overview.setCacheArea(cacheArea);
        }
        if (!detail || w <= 0 || h <= 0) {
            nodeLayer.show(null, null, null);
            links.show(null);
            prefetcher.stop();
            return;
        }
        Rect vis = new Rect(v.toContentX(0), v.toContentY(0), w / v.zoom(), h / v.zoom());
        double m = Math.max(w, h) / v.zoom() * MARGIN;
        Rect prefetch = vis.grow(m);
        if (nodeLayer.show(vis, prefetch, vis.grow(2 * m))) {
            prefetcher.start();
        }
        links.show(cacheArea);
    }

    private static boolean inside(Rect in, Rect out) {
        return in.x() >= out.x() && in.y() >= out.y() && in.x() + in.w() <= out.x() + out.w() && in.y() + in.h() <= out.y() + out.h();
    }

    private void applyViewport() {
        Viewport v = viewport.get();
        // Whole screen pixels: the bitmap caches (links, overview tiles, nodes at 100 %) are then copied
        // at integer offsets; at a fractional offset the software renderer interpolates every pixel of
        // them on each frame of a pan (ADR 1310). The drawing moves by less than half a pixel.
        transform.setToTransform(v.zoom(), 0, Math.round(v.tx()), 0, v.zoom(), Math.round(v.ty()));
        lanes.render(v, getWidth(), getHeight());
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fit();
            return;
        }
        updateVisible();
    }

    @Override
    protected void layoutChildren() {
        lanes.resizeRelocate(0, 0, getWidth(), getHeight());
        overview.flush();
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

    /**
     * Centres the view on a device (Find, findings panel); when zoomed out to the overview it zooms in
     * to 100 % so the device's node is shown (and created, if it did not exist).
     */
    public void reveal(String deviceId) {
        geometry.position(deviceId).ifPresent(p -> {
            Viewport v = viewport.get();
            double z = v.zoom() < DETAIL_ZOOM ? 1.0 : v.zoom();
            double cx = p.x() + NodeMetrics.WIDTH / 2;
            double cy = p.y() + NodeMetrics.HEIGHT / 2;
            viewport.set(new Viewport(z, getWidth() / 2 - cx * z, getHeight() / 2 - cy * z));
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
        return nodeLayer.node(id);
    }

    /** The device drawn at a content point (topmost first), whether or not its node exists. */
    Optional<String> deviceAt(double x, double y, double slack) {
        return nodeLayer.deviceAt(x, y, slack);
    }

    /**
     * Move gesture preview: draws the devices offset by a content delta (translate only), with their
     * links; nothing in the plant changes.
     */
    void previewMove(Set<String> ids, double dx, double dy) {
        moving = Set.copyOf(ids);
        moveX = dx;
        moveY = dy;
        nodeLayer.preview(moving, dx, dy);
        links.update(moving, this::viewPosition);
        overview.preview(moving, dx, dy);
    }

    /** Ends a move preview without a command (cancel). */
    void clearMovePreview() {
        Set<String> was = moving;
        moving = Set.of();
        moveX = 0;
        moveY = 0;
        nodeLayer.clearPreview();
        links.update(was, this::viewPosition);
        overview.clearPreview();
    }

    /** Where a device is drawn now, including a move preview. */
    Optional<Position> viewPosition(String id) {
        Optional<Position> p = geometry.position(id);
        return moving.contains(id) ? p.map(q -> new Position(q.x() + moveX, q.y() + moveY)) : p;
    }

    OverviewLayer overviewLayer() {
        return overview;
    }

    /** Content coordinates of a mouse event (through the transform the content is drawn with). */
    Point2D toContent(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return new Point2D((local.getX() - transform.getTx()) / transform.getMxx(), (local.getY() - transform.getTy()) / transform.getMyy());
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
     * Shows the TLS verification result of a child's link to its parent. The state is kept while the
     * link is off screen (virtualized) and shown when its curve is created.
     *
     * @param childId the child device
     * @param state {@code tls-ok}, {@code tls-warning}, {@code tls-failed}, or null to clear
     */
    public void setLinkTls(String childId, String state) {
        links.tls(childId, state);
    }

    /** The TLS state shown on a child's link ({@code tls-ok}, …), or null (tests). */
    public String linkTls(String childId) {
        return links.tls(childId);
    }

    /** Number of device nodes that exist now (virtualized: those on and near the screen; benchmark, tests). */
    public int nodeCount() {
        return nodeLayer.size();
    }

    /** Number of link curves that exist now (virtualized like the nodes). */
    public int linkCount() {
        return links.size();
    }

    /** True while the overview (plain rectangles, no device nodes) is drawn instead of device nodes. */
    public boolean isOverview() {
        return viewport.get().zoom() < DETAIL_ZOOM;
    }

    /**
     * Adds a listener told about every device node created. Nodes are virtualized (created when their
     * device scrolls into view, dropped when it leaves), so code that decorates nodes (for example a
     * commissioning status badge) must also decorate the nodes created later through this listener.
     *
     * @param listener called on the FX thread with the new node, after its device, findings and
     *     selection are set and before it is shown
     */
    public void addNodeShownListener(Consumer<DeviceNode> listener) {
        nodeLayer.addShownListener(listener);
    }
}
