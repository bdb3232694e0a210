package io.nestedge.app.ui.commission;

import io.nestedge.app.commission.CommissioningModel;
import io.nestedge.app.commission.DeviceRunStatus;
import io.nestedge.app.commission.DeviceRunView;
import io.nestedge.app.commission.LinkTls;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.ui.canvas.DesignerCanvas;
import io.nestedge.app.ui.canvas.DeviceNode;
import java.util.HashSet;
import java.util.Set;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Mirrors the commissioning state on the canvas: each device node gets a status badge in its
 * caption row (pending, running with the current step's title, ok, warnings, failed, skipped,
 * cancelled) and a {@code run-*} style class that colours its border; each child's link to its
 * parent shows the child's {@code verify-parent-tls} result. Device nodes and link curves are
 * virtualized; nodes created later are decorated through {@link DesignerCanvas#addNodeShownListener},
 * and the canvas keeps link TLS states for curves created later.
 */
public final class CanvasRunBinding {
    private static final String[] CLASSES = {"run-pending", "run-running", "run-ok", "run-warning", "run-failed", "run-skipped",
        "run-cancelled", "run-succeeded"};
    private final DesignerCanvas canvas;
    private final CommissioningModel run;
    private final Set<String> watched = new HashSet<>();

    /**
     * Binds.
     *
     * @param canvas the canvas
     * @param design the designer model (its plant changes re-create nodes)
     * @param run the commissioning view-model
     */
    public CanvasRunBinding(DesignerCanvas canvas, DesignerModel design, CommissioningModel run) {
        this.canvas = canvas;
        this.run = run;
        run.devices().addListener((MapChangeListener<String, DeviceRunView>) c -> {
            if (c.wasAdded()) {
                watch(c.getValueAdded());
            }
            if (c.wasRemoved() && !c.wasAdded()) {
                clear(c.getKey());
            }
        });
        run.devices().values().forEach(this::watch);
        // Nodes are virtualized: one created when its device scrolls into view gets the current status.
        canvas.addNodeShownListener(n -> {
            DeviceRunView v = n.getDevice() == null ? null : run.devices().get(n.getDevice().id());
            if (v != null) {
                paint(n, v, v.status());
            }
        });
        design.plantProperty().addListener((o, a, b) -> run.devices().keySet().forEach(this::refresh));
    }

    private void watch(DeviceRunView v) {
        if (!watched.add(v.deviceId() + "@" + System.identityHashCode(v))) {
            return;
        }
        v.statusProperty().addListener((o, a, b) -> refresh(v.deviceId()));
        v.currentStepProperty().addListener((o, a, b) -> refresh(v.deviceId()));
        v.summaryProperty().addListener((o, a, b) -> refresh(v.deviceId()));
        v.parentTlsProperty().addListener((o, a, b) -> refresh(v.deviceId()));
        refresh(v.deviceId());
    }

    private void clear(String id) {
        canvas.deviceNode(id).ifPresent(n -> {
            n.statusBadgeProperty().set(null);
            n.getStyleClass().removeAll(CLASSES);
        });
        canvas.setLinkTls(id, null);
    }

    /** Re-draws one device's status and its link to its parent. */
    public void refresh(String id) {
        DeviceRunView v = run.devices().get(id);
        if (v == null) {
            clear(id);
            return;
        }
        DeviceRunStatus s = v.status();
        canvas.deviceNode(id).ifPresent(n -> paint(n, v, s));
        LinkTls tls = v.parentTlsProperty().get();
        canvas.setLinkTls(id, switch (tls.state()) {
            case UNKNOWN -> null;
            case OK -> "tls-ok";
            case WARNING -> "tls-warning";
            case FAILED -> "tls-failed";
        });
    }

    private static void paint(DeviceNode n, DeviceRunView v, DeviceRunStatus s) {
        n.getStyleClass().removeAll(CLASSES);
        if (s == null) {
            n.statusBadgeProperty().set(null);
            return;
        }
        n.getStyleClass().add(s.styleClass());
        if (s == DeviceRunStatus.OK || s == DeviceRunStatus.WARNING) {
            n.getStyleClass().add("run-succeeded");
        }
        FontIcon icon = new FontIcon(icon(s));
        icon.getStyleClass().add("run-icon");
        String text = switch (s) {
            case RUNNING -> v.currentStepProperty().get().isEmpty() ? "connecting…" : v.currentStepProperty().get();
            case OK -> "Commissioned";
            case WARNING -> "Commissioned with warnings";
            case FAILED -> "Failed: " + v.summaryProperty().get();
            case SKIPPED -> "Skipped: parent not commissioned";
            case CANCELLED -> "Cancelled";
            case PENDING -> "Pending";
        };
        Label l = new Label(text, icon);
        l.getStyleClass().add("run-text");
        l.setMaxWidth(Double.MAX_VALUE);
        HBox badge = new HBox(l);
        badge.getStyleClass().addAll("run-badge", s.styleClass());
        badge.setId("run-badge-" + v.deviceId());
        n.statusBadgeProperty().set(badge);
    }

    private static Ikon icon(DeviceRunStatus s) {
        return switch (s) {
            case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
            case RUNNING -> MaterialDesignS.SYNC;
            case OK -> MaterialDesignC.CHECK_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT_CIRCLE;
            case FAILED -> MaterialDesignC.CLOSE_CIRCLE;
            case SKIPPED -> MaterialDesignS.SKIP_NEXT_CIRCLE;
            case CANCELLED -> MaterialDesignC.CANCEL;
        };
    }
}
