package io.nestedge.app.ui;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Live validation results grouped by severity (errors first). Each finding shows its full message and
 * fix, wrapped to the panel's width (and as a tooltip). Selecting a finding selects its device, opens
 * the inspector section holding the finding's field and centres the device on the canvas.
 */
public final class FindingsPane extends VBox {
    private final TreeView<Object> tree = new TreeView<>();
    private final Label title = new Label("Findings");
    private final VBox empty = new VBox(8);

    /**
     * @param model the engine
     * @param reveal centres the canvas on a device
     */
    public FindingsPane(DesignerModel model, Consumer<String> reveal) {
        this(model, reveal, f -> { });
    }

    /**
     * @param model the engine
     * @param reveal centres the canvas on a device
     * @param openField opens the inspector section holding a finding's field (called after the device is selected)
     */
    public FindingsPane(DesignerModel model, Consumer<String> reveal, Consumer<Finding> openField) {
        getStyleClass().addAll("side-panel", "findings");
        title.getStyleClass().add("panel-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("panel-header");
        tree.setId("findings-tree");
        tree.getStyleClass().add("findings-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>("root"));
        tree.setCellFactory(t -> new FindingCell(tree));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof Finding f && !f.deviceId().isEmpty()) {
                model.select(List.of(f.deviceId()));
                // after the inspector has rebuilt and the window has laid out, so the centre is the real one
                javafx.application.Platform.runLater(() -> {
                    openField.accept(f);
                    reveal.accept(f.deviceId());
                });
            } else if (b != null && b.getValue() instanceof Finding f) {
                // a plant-wide finding: show the plant sheet (no device selected), then the field's section
                model.select(List.of());
                javafx.application.Platform.runLater(() -> openField.accept(f));
            }
        });
        Label ok = new Label("No findings: the plant passes every rule.", Icons.of(MaterialDesignC.CHECK_CIRCLE));
        ok.setWrapText(true);
        empty.getChildren().add(ok);
        empty.getStyleClass().add("findings-empty");
        StackPane body = new StackPane(tree, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
        model.findingsProperty().addListener((o, a, b) -> show(b));
        show(model.findings());
    }

    private void show(FindingsSummary f) {
        title.setText(f.size() == 0 ? "Findings" : "Findings (" + f.size() + ")");
        TreeItem<Object> root = new TreeItem<>("root");
        for (Severity s : Severity.values()) {
            List<Finding> of = f.all().stream().filter(x -> x.severity() == s).toList();
            if (of.isEmpty()) {
                continue;
            }
            TreeItem<Object> group = new TreeItem<>(s);
            group.setExpanded(true);
            of.forEach(x -> group.getChildren().add(new TreeItem<>(x)));
            root.getChildren().add(group);
        }
        tree.setRoot(root);
        empty.setVisible(f.size() == 0);
        tree.setVisible(f.size() > 0);
    }

    /** The whole finding as one text: device, message, rule and field, fix. */
    static String fullText(Finding f) {
        return (f.deviceId().isEmpty() ? "Plant" : f.deviceId()) + ": " + f.message() + "\n" + f.ruleId()
                + (f.field().isEmpty() ? "" : " · " + f.field()) + (f.fix().isEmpty() ? "" : "\nFix: " + f.fix());
    }

    private static final class FindingCell extends TreeCell<Object> {
        private final TreeView<Object> tree;

        FindingCell(TreeView<Object> tree) {
            this.tree = tree;
        }

        @Override
        protected void updateItem(Object item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            getStyleClass().removeAll("sev-error", "sev-warning", "sev-info");
            setTooltip(null);
            if (isEmpty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item instanceof Severity s) {
                int n = getTreeItem().getChildren().size();
                setText(switch (s) {
                    case ERROR -> n + (n == 1 ? " error" : " errors");
                    case WARNING -> n + (n == 1 ? " warning" : " warnings");
                    case INFO -> n + " info";
                });
                setGraphic(Icons.severity(s));
                getStyleClass().add("sev-" + s.name().toLowerCase(Locale.ROOT));
                return;
            }
            Finding f = (Finding) item;
            Label msg = new Label((f.deviceId().isEmpty() ? "Plant" : f.deviceId()) + ": " + f.message());
            msg.setWrapText(true);
            Label rule = new Label(f.ruleId() + (f.field().isEmpty() ? "" : " · " + f.field()));
            rule.getStyleClass().add("finding-cell-rule");
            VBox box = new VBox(1, msg, rule);
            if (!f.fix().isEmpty()) {
                Label fix = new Label("Fix: " + f.fix());
                fix.setWrapText(true);
                fix.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                fix.getStyleClass().add("finding-cell-fix");
                box.getChildren().add(fix);
            }
            // wrap to the visible width (tree indent + disclosure arrow + scroll bar ≈ 64 px) instead of a
            // fixed 320 px that the panel cut off at 1440×900
            box.prefWidthProperty().bind(tree.widthProperty().subtract(64));
            box.maxWidthProperty().bind(tree.widthProperty().subtract(64));
            box.setMinWidth(0);
            msg.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            setText(null);
            setGraphic(box);
            Tooltip tip = new Tooltip(fullText(f));
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            setTooltip(tip);
        }
    }
}
