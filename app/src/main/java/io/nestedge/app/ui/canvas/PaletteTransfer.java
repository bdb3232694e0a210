package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.Template;
import java.util.Optional;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/** The drag-and-drop payload of a palette template (a custom data format plus plain text). */
public final class PaletteTransfer {
    /** The data format of a dragged template; its value is the {@link Template} name. */
    public static final DataFormat FORMAT = new DataFormat("application/x-nestedge-template");
    private static final String TEXT_PREFIX = "nestedge-template:";

    private PaletteTransfer() {
    }

    /** The dragboard content for a template. */
    public static ClipboardContent content(Template t) {
        ClipboardContent c = new ClipboardContent();
        c.put(FORMAT, t.name());
        c.putString(TEXT_PREFIX + t.name());
        return c;
    }

    /** The template a dragboard carries, if any. */
    public static Optional<Template> read(Dragboard db) {
        Object v = db.hasContent(FORMAT) ? db.getContent(FORMAT) : null;
        String s = v != null ? v.toString() : db.hasString() && db.getString().startsWith(TEXT_PREFIX)
                ? db.getString().substring(TEXT_PREFIX.length()) : null;
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Template.valueOf(s.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
