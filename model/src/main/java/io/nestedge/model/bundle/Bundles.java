package io.nestedge.model.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes {@code bundle.json}, and finds the device bundles of an export directory. */
public final class Bundles {
    /** Current bundle format version. */
    public static final int SCHEMA_VERSION = 1;
    /** Name of the description file inside each bundle. */
    public static final String INFO_FILE = "bundle.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    private Bundles() {
    }

    /** Serialises a bundle description (UTF-8 JSON with a trailing newline). */
    public static byte[] toBytes(BundleInfo info) {
        try {
            return (MAPPER.writeValueAsString(info) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundle.json cannot be written", e);
        }
    }

    /** The bundle directory of a device in an export directory ({@code devices/<dir>}). */
    public static Path bundleDir(Path exportDir, String deviceId) {
        return exportDir.resolve(io.nestedge.model.export.ExportLayout.deviceDir(deviceId));
    }

    /**
     * Reads the description of one bundle.
     *
     * @param bundleDir a device bundle directory
     * @throws InputException naming the file when it is missing, malformed or from a newer version
     */
    public static BundleInfo read(Path bundleDir) throws InputException {
        Path f = bundleDir.resolve(INFO_FILE);
        try {
            BundleInfo info = MAPPER.readValue(Files.readAllBytes(f), BundleInfo.class);
            if (info.schemaVersion() > SCHEMA_VERSION) {
                throw new InputException(f.toString(), "/schemaVersion", "this bundle was made by a newer version of NestEdge Studio.",
                        "Update NestEdge Studio, or export the bundle again.");
            }
            if (info.spec() == null || info.deviceId() == null) {
                throw new InputException(f.toString(), "/spec", "the bundle description is incomplete.", "Export the bundle again.");
            }
            return info;
        } catch (NoSuchFileException e) {
            throw new InputException(f.toString(), "", "no bundle description here: is this a NestEdge device bundle?",
                    "Point at a directory made by 'nestedge export' (one sub-directory per device).");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(f.toString(), e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), "malformed bundle description: " + e.getOriginalMessage(),
                    "Export the bundle again.", e);
        } catch (IOException e) {
            throw new InputException(f.toString(), "", "cannot read: " + e.getMessage(), "");
        }
    }

    /**
     * Reads every device bundle of an export directory: each sub-directory of {@code devices/} with a
     * {@code bundle.json}.
     *
     * @param exportDir the export's output directory
     * @return bundles sorted by device ID
     * @throws InputException when none is found or one is unreadable
     */
    public static List<BundleInfo> readAll(Path exportDir) throws InputException {
        List<BundleInfo> out = new ArrayList<>();
        Path devices = exportDir.resolve(io.nestedge.model.export.ExportLayout.DEVICES);
        if (!Files.isDirectory(devices) || !Files.exists(exportDir.resolve(io.nestedge.model.export.Exporter.MARKER))) {
            throw new InputException(exportDir.toString(), "", "this is not an export directory (no devices/ folder or export marker).",
                    "Point at the directory given to 'nestedge export -o'.");
        }
        try (Stream<Path> s = Files.list(devices)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve(INFO_FILE))) {
                    out.add(read(p));
                }
            }
        } catch (IOException e) {
            throw new InputException(exportDir.toString(), "", "cannot list the export directory: " + e.getMessage(),
                    "Point at a directory made by 'nestedge export'.");
        }
        if (out.isEmpty()) {
            throw new InputException(exportDir.toString(), "", "no device bundles found.",
                    "Point at a directory made by 'nestedge export' (one sub-directory per device).");
        }
        return out;
    }
}
