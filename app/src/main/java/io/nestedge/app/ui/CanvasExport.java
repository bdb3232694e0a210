package io.nestedge.app.ui;

import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.SvgExport;
import io.nestedge.model.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Exports the canvas: PNG (a snapshot of a node) and SVG (from {@link SvgExport}). Files are written atomically. */
public final class CanvasExport {
    private CanvasExport() {
    }

    /**
     * Writes a PNG snapshot of a node (call on the FX thread).
     *
     * @param node what to capture (the canvas, or the whole scene root for screenshots)
     * @param file target file
     * @throws IOException when the PNG cannot be written
     */
    public static void png(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(new SnapshotParameters(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out)) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.write(file, out.toByteArray());
    }

    /**
     * Writes the plant as SVG.
     *
     * @param model the engine (plant and findings)
     * @param file target file
     * @throws IOException when it cannot be written
     */
    public static void svg(DesignerModel model, Path file) throws IOException {
        AtomicFiles.write(file, SvgExport.render(model.plant(), model.findings()).getBytes(StandardCharsets.UTF_8));
    }
}
