package io.nestedge.model.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.yaml.EdgeToolFiles;
import io.nestedge.model.io.yaml.EdgeToolFormat;
import java.util.List;

/**
 * The generator interfaces of {@link Exporter} and the standard generators. A per-device generator
 * returns the files of one device (as data); a plant generator returns plant-wide files and sees
 * every file generated before it (so a later one can write checksums or signatures).
 */
public final class ArtifactGenerators {
    private ArtifactGenerators() {
    }

    /**
     * Files of one device. The {@link Exporter} calls it for several devices at once (one worker
     * thread per core), so it must be thread-safe; it is called once per device.
     */
    @FunctionalInterface
    public interface DeviceGenerator {
        /**
         * @param ctx export inputs
         * @param device the device (IoT Edge or leaf)
         * @return its files, possibly none
         * @throws ExportException naming the device when its files cannot be made
         */
        List<ExportArtifact> generate(ExportContext ctx, Device device) throws ExportException;
    }

    /** Plant-wide files. */
    @FunctionalInterface
    public interface PlantGenerator {
        /**
         * @param ctx export inputs
         * @param soFar every file generated before this generator, in order
         * @return more files
         * @throws ExportException when the files cannot be made
         */
        List<ExportArtifact> generate(ExportContext ctx, List<ExportArtifact> soFar) throws ExportException;
    }

    /** {@code devices/<id>/config.toml} for every IoT Edge device; 0600, it holds the SAS key or connection string. */
    public static final DeviceGenerator CONFIG_TOML = (ctx, d) -> !d.isEdge() ? List.of()
            : List.of(ExportArtifact.text(ExportLayout.deviceFile(d.id(), ExportLayout.CONFIG_TOML),
                    ConfigTomlWriter.write(ctx.plant(), d, ctx.layout(), ctx.secrets()), ExportArtifact.SECRET));

    /** {@code devices/<id>/deployment.json} for every IoT Edge device; 0600 when it holds a registry password. */
    public static final DeviceGenerator DEPLOYMENT = (ctx, d) -> {
        if (!d.isEdge()) {
            return List.of();
        }
        ObjectNode m = DeploymentManifestBuilder.build(ctx.plant(), d, ctx.secrets());
        return List.of(new ExportArtifact(ExportLayout.deviceFile(d.id(), ExportLayout.DEPLOYMENT),
                DeploymentManifestBuilder.toBytes(m),
                DeploymentManifestBuilder.holdsSecrets(m) ? ExportArtifact.SECRET : ExportArtifact.PLAIN));
    };

    /** {@code hub/setup-hub.sh} and {@code hub/setup-hub.ps1}; the PowerShell one is left out (with a note) when IDs forbid it. */
    public static final PlantGenerator HUB_SCRIPTS = (ctx, soFar) -> {
        java.util.Set<String> keyed = new java.util.TreeSet<>();
        List<ExportArtifact> keys = new java.util.ArrayList<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (io.nestedge.model.Device d : ctx.plant().devices()) {
            java.util.Optional<String> key = ctx.secrets().sasKey(d.id());
            if (d.provisioning().method() == io.nestedge.model.ProvisioningMethod.MANUAL_SAS && key.isPresent()) {
                keyed.add(d.id());
                byte[] secondary = new byte[32];
                random.nextBytes(secondary);
                keys.add(ExportArtifact.text(ExportLayout.HUB + "/" + HubScripts.keyFile(d.id(), true), key.get(), ExportArtifact.SECRET));
                keys.add(ExportArtifact.text(ExportLayout.HUB + "/" + HubScripts.keyFile(d.id(), false),
                        java.util.Base64.getEncoder().encodeToString(secondary), ExportArtifact.SECRET));
            }
        }
        String bash = HubScripts.bash(ctx.plant(), ExportLayout::deviceDir, keyed);
        String ps;
        try {
            ps = HubScripts.powershell(ctx.plant(), ExportLayout::deviceDir, keyed);
        } catch (ExportException e) {
            ps = "# No PowerShell script for this plant: " + ScriptQuoting.comment(e.getMessage()) + "\n"
                    + "throw 'Use setup-hub.sh (Azure Cloud Shell or WSL) for this plant.'\n";
        }
        List<ExportArtifact> out = new java.util.ArrayList<>(List.of(ExportArtifact.text(ExportLayout.HUB_BASH, bash, ExportArtifact.SCRIPT),
                ExportArtifact.text(ExportLayout.HUB_POWERSHELL, ps, ExportArtifact.PLAIN)));
        out.addAll(keys);
        return out;
    };

    /**
     * {@code hub/az-edge-devices.yaml}: the plant as the config file of {@code az iot edge devices create
     * --config-file} (issue "Export", hub side), written by the same code as {@code export-yaml --to
     * az-devices} ({@link EdgeToolFiles}). Each IoT Edge device's {@code deployment} points at the manifest
     * this export wrote ({@code ../devices/<dir>/deployment.json}, so run the command from {@code hub/}).
     * What the format cannot hold (leaf devices, the root CA key) is listed in the file's header.
     */
    public static final PlantGenerator AZ_DEVICES_CONFIG = (ctx, soFar) -> {
        Plant plant = ctx.plant();
        List<Device> withManifests = new java.util.ArrayList<>();
        for (Device d : plant.devices()) {
            withManifests.add(d.isEdge() ? d.toBuilder().deployment("../" + ExportLayout.deviceFile(d.id(), ExportLayout.DEPLOYMENT)).build() : d);
        }
        String text;
        try {
            io.nestedge.model.io.yaml.ExportResult r = EdgeToolFiles.export(plant.withDevices(withManifests), EdgeToolFormat.AZ_DEVICES, plant.name());
            StringBuilder sb = new StringBuilder();
            sb.append("# Run from this folder: az iot edge devices create --hub-name <hub> --config-file az-edge-devices.yaml\n");
            sb.append("# It creates the same IoT Edge identities, parents and deployments as setup-hub.sh. Install the devices\n");
            sb.append("# with the NestEdge bundles in ../devices/ (they carry this plant's certificates), not with bundles\n");
            sb.append("# the command writes with --output-path.\n");
            for (String w : r.warnings()) {
                sb.append("# note: ").append(ScriptQuoting.comment(w)).append('\n');
            }
            text = sb + r.yaml();
        } catch (InputException e) {
            text = "# No 'az iot edge devices create' config for this plant: " + ScriptQuoting.comment(e.problem()) + "\n"
                    + "# Use setup-hub.sh or setup-hub.ps1.\n";
        }
        return List.of(ExportArtifact.text(ExportLayout.HUB_AZ_DEVICES, text, ExportArtifact.PLAIN));
    };
}

