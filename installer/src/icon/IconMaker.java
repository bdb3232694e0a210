import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the NestEdge Studio icon from shapes only (no fonts, so every machine draws the same pixels)
 * and writes it in the three forms jpackage wants: {@code <base>.png} (256 px, Linux),
 * {@code <base>.ico} (16-256 px, Windows) and {@code <base>.icns} (128-1024 px, macOS).
 *
 * <p>The picture: three nested rounded rectangles (the ISA-95 layers, top layer outermost) holding a
 * small gateway hierarchy — one top-layer gateway, two lower-layer gateways, three leaf devices — each
 * child linked to its parent only.
 *
 * <p>Run from the build ({@code installer} profile) as a single-file program:
 * {@code java -Djava.awt.headless=true IconMaker.java target/icons/nestedge-studio}.
 * ICO and ICNS hold PNG-compressed images (allowed since Windows Vista and macOS 10.7), so ImageIO's
 * PNG writer is the only encoder needed; the two containers are a fixed header plus a table of
 * offsets/lengths.
 */
public final class IconMaker {
    private static final Color DEEP = new Color(0x12, 0x2B, 0x4A);
    private static final Color MID = new Color(0x1F, 0x5F, 0x99);
    private static final Color EDGE = new Color(0x3F, 0xB6, 0xE0);
    private static final Color LEAF = new Color(0x8C, 0xE0, 0x9A);
    private static final Color LINK = new Color(0xE8, 0xF1, 0xF8);

    private IconMaker() {
    }

    /**
     * Writes the icon files.
     *
     * @param args one argument: the output path without extension (parent directories are created)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java IconMaker.java <output path without extension>");
            System.exit(2);
        }
        Path base = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(base.getParent());
        write(base.resolveSibling(base.getFileName() + ".png"), png(draw(256)));
        write(base.resolveSibling(base.getFileName() + ".ico"), ico(16, 24, 32, 48, 64, 128, 256));
        write(base.resolveSibling(base.getFileName() + ".icns"), icns());
        System.out.println("icon: " + base + ".{png,ico,icns}");
    }

    /** Draws the icon at {@code size} x {@code size} pixels on a transparent background. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 256.0, size / 256.0); // draw in a 256-unit square

            g.setPaint(new GradientPaint(0, 0, MID, 0, 256, DEEP));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

            // Nested layers: each lower layer sits inside the one above it.
            g.setStroke(new BasicStroke(5f));
            float[] alpha = {0.28f, 0.38f, 0.5f};
            for (int i = 0; i < 3; i++) {
                double inset = 30 + i * 26;
                g.setColor(new Color(1f, 1f, 1f, alpha[i]));
                g.draw(new RoundRectangle2D.Double(inset, inset + i * 6, 256 - 2 * inset, 256 - 2 * inset - i * 6,
                        40 - i * 8, 40 - i * 8));
            }

            double[] top = {128, 64};
            double[][] gateways = {{88, 126}, {168, 126}};
            double[][] leaves = {{68, 186}, {108, 186}, {168, 186}};
            int[] leafParent = {0, 0, 1};

            g.setColor(LINK);
            g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double[] gw : gateways) {
                g.draw(new Line2D.Double(top[0], top[1], gw[0], gw[1]));
            }
            for (int i = 0; i < leaves.length; i++) {
                double[] p = gateways[leafParent[i]];
                g.draw(new Line2D.Double(p[0], p[1], leaves[i][0], leaves[i][1]));
            }

            node(g, top, 22, EDGE);
            for (double[] gw : gateways) {
                node(g, gw, 18, EDGE);
            }
            for (double[] leaf : leaves) {
                node(g, leaf, 12, LEAF);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void node(Graphics2D g, double[] c, double r, Color fill) {
        Ellipse2D circle = new Ellipse2D.Double(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(circle);
        g.setColor(DEEP);
        g.setStroke(new BasicStroke(4f));
        g.draw(circle);
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ICO: ICONDIR (6 bytes) + one 16-byte ICONDIRENTRY per size + the PNG images; little-endian. */
    private static byte[] ico(int... sizes) {
        List<byte[]> images = new ArrayList<>();
        for (int s : sizes) {
            images.add(png(draw(s)));
        }
        int offset = 6 + 16 * sizes.length;
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i];
            header.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)); // 0 means 256
            header.put((byte) 0).put((byte) 0);                                 // no palette, reserved
            header.putShort((short) 1).putShort((short) 32);                    // planes, bits per pixel
            header.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        images.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** ICNS: "icns" + total length, then per image a 4-char type + length (incl. 8-byte header) + PNG; big-endian. */
    private static byte[] icns() {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(body);
            for (int i = 0; i < types.length; i++) {
                byte[] p = png(draw(sizes[i]));
                d.writeBytes(types[i]);
                d.writeInt(8 + p.length);
                d.write(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(out);
            o.writeBytes("icns");
            o.writeInt(8 + body.size());
            o.write(body.toByteArray());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes through a temporary file and a rename, so a failed run never leaves half an icon. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp"); // default mode (0644): icons are public
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
