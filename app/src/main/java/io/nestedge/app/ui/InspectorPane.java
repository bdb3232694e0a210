package io.nestedge.app.ui;

import atlantafx.base.theme.Styles;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.InspectorField;
import io.nestedge.app.editor.InspectorModel;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.SetChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The inspector: a ControlsFX {@link PropertySheet} over {@link InspectorModel}'s rows, for the
 * selected device or, with nothing selected, for the plant. Text editors check as you type (red
 * field, reason below) and commit on Enter or when focus leaves; each commit is one command.
 */
public final class InspectorPane extends VBox {
    private final DesignerModel model;
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label problem = new Label();
    private List<InspectorField> shown = List.of();
    /** A section asked for (by a finding) before the sheet holding it was built; null when none. */
    private String wanted;

    /**
     * @param model the engine
     */
    public InspectorPane(DesignerModel model) {
        this.model = model;
        getStyleClass().addAll("side-panel", "inspector");
        title.getStyleClass().add("panel-title");
        subtitle.getStyleClass().add("panel-subtitle");
        VBox titles = new VBox(1, title, subtitle);
        HBox header = new HBox(titles);
        header.getStyleClass().add("panel-header");
        sheet.setId("inspector-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        List<String> order = List.of("Identity", "Hierarchy", "SSH", "System", "Runtime", "Plant", "IoT Hub", "Registry", "API proxy",
                io.nestedge.app.editor.ContainerEngineRows.CATEGORY);
        // module sections ("Module <name>") come after Runtime; ties are broken by name, or the sheet
        // (a TreeMap keyed by this comparator) would merge every module into one section
        sheet.setCategoryComparator(java.util.Comparator.<String>comparingInt(c -> order.indexOf(c) < 0 ? 99 : order.indexOf(c))
                .thenComparing(java.util.Comparator.naturalOrder()));
        sheet.setPropertyEditorFactory(item -> editor((FieldItem) item));
        problem.getStyleClass().add("inspector-problem");
        problem.setWrapText(true);
        problem.setId("inspector-problem");
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(header, problem, sheet);
        model.plantProperty().addListener((o, a, b) -> refresh());
        model.selection().addListener((SetChangeListener<String>) c -> refresh());
        refresh();
    }

    private void refresh() {
        Plant p = model.plant();
        Optional<Device> d = model.singleSelection();
        List<InspectorField> fields;
        if (d.isPresent()) {
            fields = InspectorModel.device(p, d.get());
            title.setText(d.get().id());
            subtitle.setText(p.isGateway(d.get().id()) ? "IoT Edge gateway" : d.get().isEdge() ? "IoT Edge device" : "Leaf device");
        } else if (model.selection().size() > 1) {
            fields = List.of();
            title.setText(model.selection().size() + " devices selected");
            subtitle.setText("Select one device to edit it");
        } else {
            fields = InspectorModel.plant(p);
            title.setText("Plant settings");
            subtitle.setText(p.name());
        }
        if (!same(fields, shown)) {
            shown = fields;
            problem.setVisible(false);
            List<PropertySheet.Item> items = new ArrayList<>();
            fields.forEach(f -> items.add(new FieldItem(f)));
            sheet.getItems().setAll(items);
            if (wanted != null && open(wanted)) {
                wanted = null;
            }
        }
    }

    private static boolean same(List<InspectorField> a, List<InspectorField> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            InspectorField x = a.get(i);
            InspectorField y = b.get(i);
            if (!x.name().equals(y.name()) || !x.value().equals(y.value()) || !x.choices().equals(y.choices())
                    || !x.category().equals(y.category())) {
                return false;
            }
        }
        return !a.isEmpty() || b.isEmpty();
    }

    /**
     * Opens the section that holds a field (e.g. {@code hostname} → Identity, {@code modules[X].image}
     * → Module X; see {@link InspectorModel#categoryOf}) and collapses the others. Does nothing when
     * the field has no section in the current sheet.
     *
     * @param field a finding's field path
     * @return true when a section was opened
     */
    public boolean openSection(String field) {
        Optional<String> cat = InspectorModel.categoryOf(field);
        if (cat.isEmpty()) {
            return false;
        }
        if (open(cat.get())) {
            wanted = null;
            return true;
        }
        // the sheet is being rebuilt for a new selection: open the section once it is there
        wanted = cat.get();
        retryOpen(cat.get(), 10);
        return false;
    }

    /** Tries again from the event queue (a sheet not shown yet has no skin to build its sections). */
    private void retryOpen(String category, int pulses) {
        javafx.application.Platform.runLater(() -> {
            if (!category.equals(wanted)) {
                return; // opened meanwhile, or another section was asked for
            }
            if (open(category)) {
                wanted = null;
            } else if (pulses > 1) {
                retryOpen(category, pulses - 1);
            } else {
                wanted = null;
            }
        });
    }

    private boolean open(String category) {
        javafx.scene.control.TitledPane tp = section(category);
        if (tp == null && sheet.getScene() != null) {
            // A rebuilt sheet's sections join the scene graph only when its new accordion gets its skin, in
            // the next CSS pass; make that pass now instead of hoping a pulse comes before the retries end.
            sheet.applyCss();
            tp = section(category);
        }
        if (tp == null) {
            return false;
        }
        javafx.scene.control.Accordion acc = (javafx.scene.control.Accordion) tp.getParent();
        acc.getPanes().forEach(x -> x.setAnimated(false));
        acc.setExpandedPane(tp);
        javafx.scene.control.TitledPane opened = tp;
        javafx.application.Platform.runLater(() -> scrollTo(opened)); // after the section's layout pass
        return true;
    }

    /** The section (accordion pane) with this title in the scene graph, or null. */
    private javafx.scene.control.TitledPane section(String category) {
        for (javafx.scene.Node n : sheet.lookupAll(".titled-pane")) {
            if (n instanceof javafx.scene.control.TitledPane tp && category.equals(tp.getText())
                    && tp.getParent() instanceof javafx.scene.control.Accordion) {
                return tp;
            }
        }
        return null;
    }

    /** Scrolls the sheet so the top of an opened section is in view. */
    private void scrollTo(javafx.scene.control.TitledPane tp) {
        if (!(sheet.lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane sp) || sp.getContent() == null) {
            return;
        }
        sheet.applyCss();
        sheet.layout();
        double content = sp.getContent().getBoundsInLocal().getHeight();
        double view = sp.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        double y = tp.localToScene(0, 0).getY() - sp.getContent().localToScene(0, 0).getY();
        sp.setVvalue(Math.max(0, Math.min(1, y / (content - view))) * (sp.getVmax() - sp.getVmin()) + sp.getVmin());
    }

    /** The title of the open section, or empty (for tests and screenshots). */
    public Optional<String> openSectionTitle() {
        for (javafx.scene.Node n : sheet.lookupAll(".accordion")) {
            if (n instanceof javafx.scene.control.Accordion acc && acc.getExpandedPane() != null) {
                return Optional.of(acc.getExpandedPane().getText());
            }
        }
        return Optional.empty();
    }

    private PropertyEditor<?> editor(FieldItem item) {
        InspectorField f = item.field;
        PropertyEditor<?> e = switch (f.kind()) {
            case CHOICE -> choiceEditor(item);
            case ACTION -> actionEditor(item);
            default -> textEditor(item, f.kind() == InspectorField.Kind.READ_ONLY);
        };
        InspectorRows.fit(e.getEditor(), f);
        return e;
    }

    private PropertyEditor<?> actionEditor(FieldItem item) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(item.field.value());
        b.setId("inspector-" + slug(item.field));
        b.getStyleClass().add(Styles.DANGER);
        b.setTooltip(new Tooltip(item.field.description()));
        b.setOnAction(e -> item.field.commitText(item.field.value()).ifPresent(model::execute));
        return new AbstractPropertyEditor<String, javafx.scene.control.Button>(item, b, true) {
            @Override
            protected ObservableValue<String> getObservableValue() {
                return getEditor().textProperty();
            }

            @Override
            public void setValue(String value) {
                // the button's text is fixed
            }
        };
    }

    /**
     * Editor node ID part: the name, prefixed with the module for module rows, lower case with every
     * run of other characters than letters, digits and '_' as one '-' (e.g. {@code module-registry-image},
     * {@code module-iotedgeapiproxy-port-443-tcp}).
     */
    static String slug(InspectorField f) {
        String base = f.category().startsWith(io.nestedge.app.editor.ModuleRows.CATEGORY_PREFIX) ? f.category() + " " + f.name() : f.name();
        return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("-+$", "");
    }

    private PropertyEditor<?> textEditor(FieldItem item, boolean readOnly) {
        TextField tf = new TextField(item.field.value());
        tf.setId("inspector-" + slug(item.field));
        tf.getStyleClass().add("inspector-field");
        tf.setEditable(!readOnly);
        InspectorRows.tooltip(tf, Optional.empty());
        StringProperty committed = new SimpleStringProperty(item.field.value());
        tf.getProperties().put("committed", committed);
        if (!readOnly) {
            tf.textProperty().addListener((o, a, b) -> check(item.field, tf, b));
            tf.setOnAction(e -> committed.set(tf.getText()));
            tf.focusedProperty().addListener((o, a, b) -> {
                if (!b) {
                    committed.set(tf.getText());
                }
            });
            tf.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    tf.setText(item.field.value());
                }
            });
        }
        return new AbstractPropertyEditor<String, TextField>(item, tf, readOnly) {
            @Override
            @SuppressWarnings("unchecked")
            protected ObservableValue<String> getObservableValue() {
                return (StringProperty) getEditor().getProperties().get("committed");
            }

            @Override
            public void setValue(String value) {
                getEditor().setText(value);
            }
        };
    }

    private void check(InspectorField f, TextField tf, String text) {
        Optional<String> p = f.check().apply(text);
        tf.pseudoClassStateChanged(Styles.STATE_DANGER, p.isPresent() && f.blocking());
        tf.pseudoClassStateChanged(Styles.STATE_WARNING, p.isPresent() && !f.blocking());
        InspectorRows.tooltip(tf, p);
        problem.setText(p.map(x -> f.name() + ": " + x + (f.blocking() ? "" : " (the finding will be listed when you commit)")).orElse(""));
        problem.setVisible(p.isPresent());
    }

    private PropertyEditor<?> choiceEditor(FieldItem item) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(item.field.choices());
        box.setValue(item.field.value());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setId("inspector-" + slug(item.field));
        box.valueProperty().addListener((o, a, b) -> {
            Optional<String> p = b == null ? Optional.empty() : item.field.check().apply(b);
            problem.setText(p.map(x -> item.field.name() + ": " + x).orElse(""));
            problem.setVisible(p.isPresent());
            box.pseudoClassStateChanged(Styles.STATE_DANGER, p.isPresent());
        });
        return new AbstractPropertyEditor<String, ComboBox<String>>(item, box) {
            @Override
            protected ObservableValue<String> getObservableValue() {
                return getEditor().valueProperty();
            }

            @Override
            public void setValue(String value) {
                getEditor().setValue(value);
            }
        };
    }

    /** Adapts an {@link InspectorField} to the property sheet; setting a value executes its command. */
    private final class FieldItem implements PropertySheet.Item {
        private final InspectorField field;

        FieldItem(InspectorField field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return field.category();
        }

        @Override
        public String getName() {
            return field.name();
        }

        @Override
        public String getDescription() {
            return field.description();
        }

        @Override
        public Object getValue() {
            return field.value();
        }

        @Override
        public void setValue(Object value) {
            if (value != null && field.kind() != InspectorField.Kind.ACTION) {
                field.commitText(value.toString()).ifPresent(model::execute);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return field.kind() != InspectorField.Kind.READ_ONLY; // an ACTION button must stay enabled; setValue ignores it
        }
    }
}
