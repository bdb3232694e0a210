package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copy and paste of devices (pure). The copied devices travel as a small plant file (text), so they
 * can be pasted into another window or plant. Pasted devices get fresh IDs and hostnames
 * ({@code ops-gw} → {@code ops-gw-copy}); links inside the copied set are kept, and a copied device
 * whose parent stays outside the set keeps that parent when it exists in the target plant.
 */
public final class CopyPaste {
    /** Offset applied to pasted devices, canvas pixels. */
    public static final double OFFSET = 40;

    private CopyPaste() {
    }

    /**
     * Serialises the selected devices.
     *
     * @param plant the source plant
     * @param ids devices to copy (unknown IDs are ignored)
     * @return clipboard text (a plant file), or empty when nothing was copied
     */
    public static String copy(Plant plant, Collection<String> ids) {
        List<Device> ds = plant.devices().stream().filter(d -> ids.contains(d.id())).toList();
        if (ds.isEmpty()) {
            return "";
        }
        Plant clip = new Plant("clipboard", plant.layers(), ds, plant.hub(), plant.registry(), plant.apiProxy(), plant.pki());
        return new String(PlantFile.toBytes(clip), StandardCharsets.UTF_8);
    }

    /**
     * Parses clipboard text.
     *
     * @param text clipboard content
     * @return the devices, or empty when the text is not a plant file
     */
    public static List<Device> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return PlantFile.parse(text.getBytes(StandardCharsets.UTF_8), "clipboard").devices();
        } catch (InputException e) {
            return List.of();
        }
    }

    /**
     * A command pasting devices into a plant.
     *
     * @param devices devices from {@link #parse}
     * @return "Paste 3 devices"; applying it adds renamed copies
     */
    public static Command paste(List<Device> devices) {
        List<Device> src = List.copyOf(devices);
        return Command.of("Paste " + (src.size() == 1 ? src.get(0).id() : src.size() + " devices"),
                p -> p.withDevices(copies(p, src)));
    }

    /**
     * The renamed copies {@link #paste} adds (exposed to select them after pasting).
     *
     * @param target the plant pasted into
     * @param devices the clipboard devices
     * @return new devices, in clipboard order
     */
    public static List<Device> copies(Plant target, List<Device> devices) {
        Set<String> taken = new HashSet<>(target.deviceIds());
        Set<String> hosts = new HashSet<>();
        target.devices().forEach(d -> hosts.add(d.hostname().toLowerCase(java.util.Locale.ROOT)));
        Map<String, String> newIds = new HashMap<>();
        for (Device d : devices) {
            String id = fresh(d.id(), taken);
            taken.add(id);
            newIds.put(d.id(), id);
        }
        List<Device> out = new ArrayList<>();
        for (Device d : devices) {
            String id = newIds.get(d.id());
            String parent = newIds.containsKey(d.parentId()) ? newIds.get(d.parentId())
                    : target.deviceOrNull(d.parentId()) != null ? d.parentId() : "";
            String host = freshHost(d.hostname(), d.id(), id, hosts);
            hosts.add(host.toLowerCase(java.util.Locale.ROOT));
            Device.Builder b = d.toBuilder().id(id).parentId(parent).hostname(host)
                    .displayName(d.displayName().equals(d.id()) ? id : d.displayName() + " (copy)")
                    .position(new Position(d.position().x() + OFFSET, d.position().y() + OFFSET));
            if (d.ssh().address().equalsIgnoreCase(d.hostname())) {
                b.ssh(new io.nestedge.model.SshEndpoint(host, d.ssh().port(), d.ssh().user(), d.ssh().reach()));
            }
            out.add(b.build());
        }
        return out;
    }

    private static String fresh(String id, Set<String> taken) {
        String base = id + "-copy";
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            if (!taken.contains(base + i)) {
                return base + i;
            }
        }
    }

    private static String freshHost(String host, String oldId, String newId, Set<String> hosts) {
        if (host.isEmpty()) {
            return host;
        }
        int dot = host.indexOf('.');
        String label = dot < 0 ? host : host.substring(0, dot);
        String rest = dot < 0 ? "" : host.substring(dot);
        String newLabel = label.equalsIgnoreCase(oldId) ? newId : label + "-copy";
        String candidate = newLabel + rest;
        for (int i = 2; hosts.contains(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            candidate = newLabel + i + rest;
        }
        return candidate;
    }
}
