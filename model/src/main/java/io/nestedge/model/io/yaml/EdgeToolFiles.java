package io.nestedge.model.io.yaml;

import io.nestedge.model.Plant;
import io.nestedge.model.io.AtomicFiles;
import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Import and export of the YAML configs of Microsoft's nested-edge tools ({@link EdgeToolFormat}):
 * {@code iotedge_config.yaml} of {@code iotedge_config_cli} and the config file of
 * {@code az iot edge devices create}.
 *
 * <p>Import builds a new plant: one device per {@code device_id}/{@code deviceId}, parents from the
 * nesting, ISA-95 layers by depth (top layer first), hostnames, edgeAgent images, deployment paths,
 * hub and root CA settings. Export writes the same shape back; a file imported and exported again
 * gives an equivalent document. What a format cannot hold is reported as warnings, never silently.
 */
public final class EdgeToolFiles {
    private EdgeToolFiles() {
    }

    /**
     * Reads a tool config file into a new plant.
     *
     * @param file the YAML file
     * @param format its format
     * @param options plant name and top layer
     * @throws InputException naming the file and, where it applies, the key path and line: unreadable
     *     file, wrong or missing config version, malformed YAML, unknown or duplicate keys, wrong value
     *     kinds, missing required keys, duplicate device IDs, too deep a hierarchy
     */
    public static ImportResult read(Path file, EdgeToolFormat format, ImportOptions options) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found.", "Check the path.");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read the file: " + e.getMessage(), "", e);
        }
        return parse(bytes, file.toString(), format, options);
    }

    /**
     * Parses the bytes of a tool config into a new plant.
     *
     * @param bytes file content (UTF-8, -16 or -32)
     * @param fileName file name used in errors and, by default, as the plant name
     * @throws InputException as {@link #read(Path, EdgeToolFormat, ImportOptions)}
     */
    public static ImportResult parse(byte[] bytes, String fileName, EdgeToolFormat format, ImportOptions options)
            throws InputException {
        ToolConfig config = switch (format) {
            case IOTEDGE_CONFIG -> IotEdgeConfigFormat.read(bytes, fileName);
            case AZ_DEVICES -> AzDevicesConfigFormat.read(bytes, fileName);
        };
        return ToolPlantMapper.toPlant(config, fileName, format, options == null ? ImportOptions.defaults() : options);
    }

    /**
     * Writes a plant as a tool config.
     *
     * @param plant the plant
     * @param format the format to write
     * @param plantFile the plant's file name, for errors
     * @return the YAML text and the warnings (what the format cannot hold)
     * @throws InputException when the plant cannot be expressed as a tool hierarchy: no devices, a
     *     dangling parent, a parent cycle, a leaf device without parent or with children
     */
    public static ExportResult export(Plant plant, EdgeToolFormat format, String plantFile) throws InputException {
        List<String> warnings = new ArrayList<>();
        ToolConfig config = ToolPlantMapper.toToolConfig(plant, format, plantFile, warnings);
        String yaml = switch (format) {
            case IOTEDGE_CONFIG -> IotEdgeConfigFormat.write(config, plant.name());
            case AZ_DEVICES -> AzDevicesConfigFormat.write(config, plant.name());
        };
        return new ExportResult(yaml, warnings);
    }

    /**
     * Exports and saves atomically (temp file, fsync, rename).
     *
     * @throws InputException as {@link #export(Plant, EdgeToolFormat, String)}; nothing is written then
     * @throws IOException if the file cannot be written; a previous file is then unchanged
     */
    public static ExportResult write(Plant plant, EdgeToolFormat format, String plantFile, Path target)
            throws InputException, IOException {
        ExportResult r = export(plant, format, plantFile);
        AtomicFiles.write(target, YamlSupport.utf8(r.yaml()));
        return r;
    }
}
