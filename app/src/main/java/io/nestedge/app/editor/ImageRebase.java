package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a device's runtime images (edgeAgent, edgeHub) and module images when its place in the
 * hierarchy changes (pure). A lower-layer device pulls every image through its parent as
 * {@code $upstream:<API proxy port>/<repository>:<tag>}; a top-layer device pulls from the plant's
 * registry ({@code <registry address>/<repository>:<tag>}) (facts §3, §5, field case F17).
 *
 * <p>Only images in one of the generated shapes are rewritten: {@code $upstream[:port]/…}, the plant
 * registry's {@code <address>/…}, a pull through a device of the plant ({@code <hostname>:<port>/…}) and,
 * on a lower layer, the public Microsoft registry {@code mcr.microsoft.com/…} (unreachable from below).
 * A user's own registry (e.g. {@code contoso.azurecr.io/x:1}) on the top layer, Docker Hub images and
 * empty images are left alone; the validator still reports them when they are wrong.
 */
public final class ImageRebase {
    /** Public registries a lower layer cannot reach directly (facts §1, F17). */
    static final Set<String> PUBLIC_REGISTRIES = Set.of("mcr.microsoft.com");

    private ImageRebase() {
    }

    /**
     * The device with its images rewritten for its current parent ({@link Device#hasParent()}).
     *
     * @param plant the plant (registry address, API proxy port, hostnames of possible parents)
     * @param d the device, already carrying its new parent (or none)
     * @return the device with rewritten images (the same instance when nothing changes, e.g. leaf devices)
     */
    public static Device forPlace(Plant plant, Device d) {
        if (!d.isEdge()) {
            return d;
        }
        boolean lower = d.hasParent();
        Device out = d;
        EdgeRuntime r = d.runtime();
        if (r != null) {
            String agent = rebase(plant, r.agentImage(), lower);
            String hub = rebase(plant, r.hubImage(), lower);
            if (!agent.equals(r.agentImage()) || !hub.equals(r.hubImage())) {
                out = out.withRuntime(r.withImages(agent, hub));
            }
        }
        List<EdgeModule> mods = new ArrayList<>(d.modules().size());
        boolean changed = false;
        for (EdgeModule m : d.modules()) {
            String img = rebase(plant, m.image(), lower);
            changed |= !img.equals(m.image());
            mods.add(img.equals(m.image()) ? m : m.withImage(img));
        }
        return changed ? out.withModules(mods) : out;
    }

    /**
     * One image rewritten for a lower layer ({@code lower}) or the top layer, or unchanged when it is
     * not in one of the shapes listed in the class description.
     *
     * @param plant the plant
     * @param image the image, e.g. {@code mcr.microsoft.com/azureiotedge-agent:1.5}
     * @param lower true for a device with a parent
     * @return e.g. {@code $upstream:443/azureiotedge-agent:1.5}
     */
    public static String rebase(Plant plant, String image, boolean lower) {
        String img = image == null ? "" : image.trim();
        int slash = img.indexOf('/');
        if (img.isEmpty() || slash <= 0) {
            return image;
        }
        ImageRef ref = ImageRef.parse(img);
        if (ref.registry().isEmpty()) {
            return image; // Docker Hub: not a generated shape
        }
        String rest = img.substring(slash + 1); // repository, tag and digest, kept verbatim
        String registry = ref.registry().toLowerCase(Locale.ROOT);
        String topAddress = topRegistry(plant);
        boolean upstream = ref.isUpstream();
        boolean plantRegistry = registry.equals(topAddress.toLowerCase(Locale.ROOT)) && ref.port() < 0;
        boolean viaDevice = ref.port() > 0 && plant.devices().stream().anyMatch(x -> x.hostname().equalsIgnoreCase(ref.registry()));
        if (lower) {
            if (upstream || plantRegistry || viaDevice || PUBLIC_REGISTRIES.contains(registry) && ref.port() < 0) {
                return upstreamPrefix(plant) + "/" + rest;
            }
            return image;
        }
        if (upstream || viaDevice) {
            return topAddress + "/" + rest;
        }
        return image;
    }

    /** {@code $upstream:<API proxy port>} (facts §5). */
    public static String upstreamPrefix(Plant plant) {
        return ImageRef.UPSTREAM + ":" + plant.apiProxy().port();
    }

    /** The plant's registry address, or {@code mcr.microsoft.com} when none is set. */
    public static String topRegistry(Plant plant) {
        String a = plant.registry().address().trim();
        return a.isEmpty() ? "mcr.microsoft.com" : a;
    }
}
