package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.PlantRule;
import io.nestedge.model.rules.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NE-HOST-STYLE-MIX: one hierarchy (a top-layer device and everything below it) uses either DNS names
 * or IP addresses as IoT Edge hostnames, never a mix: TLS name checks between layers fail otherwise
 * (facts §2, field case F15). The style of most IoT Edge devices of the hierarchy wins (a tie: the
 * top-layer device's); devices of the other style are reported. Indexed by hierarchy root.
 */
public final class HostnameStyleRule extends PlantRule {
    /** Creates the rule. */
    public HostnameStyleRule() {
        super("NE-HOST-STYLE-MIX", Severity.ERROR, "facts §2",
                "One hierarchy uses either DNS names or IP addresses as IoT Edge hostnames, never a mix.");
    }

    @Override
    public Index index(Plant plant) {
        TreeIndex idx = new TreeIndex();
        for (Device d : plant.devices()) {
            if (isRoot(plant, d)) {
                idx.build(plant, d.id());
            }
        }
        return idx;
    }

    /** A hierarchy root: a device without parent, or whose parent is missing. */
    private static boolean isRoot(Plant plant, Device d) {
        return !d.hasParent() || plant.deviceOrNull(d.parentId()) == null;
    }

    /** The root of a device's hierarchy, or null when its parent chain runs into a cycle. */
    private static String rootOf(Plant plant, String id) {
        Device d = plant.deviceOrNull(id);
        Set<String> seen = null;
        int steps = 0;
        while (d != null) {
            if (isRoot(plant, d)) {
                return d.id();
            }
            if (++steps > 64) {
                if (seen == null) {
                    seen = new HashSet<>();
                }
                if (!seen.add(d.id())) {
                    return null;
                }
            }
            Device p = plant.deviceOrNull(d.parentId());
            if (p == d || p != null && p.id().equals(id)) {
                return null;
            }
            d = p;
        }
        return null;
    }

    /** One hierarchy: its members and how many IoT Edge devices use each style. */
    private static final class Tree {
        final String root;
        final List<String> members = new ArrayList<>();
        int ip;
        int dns;
        Hostnames.Style rootStyle = Hostnames.Style.NONE;

        Tree(String root) {
            this.root = root;
        }

        Hostnames.Style majority() {
            if (ip != dns) {
                return ip > dns ? Hostnames.Style.IP : Hostnames.Style.DNS;
            }
            return rootStyle == Hostnames.Style.IP ? Hostnames.Style.IP : Hostnames.Style.DNS;
        }
    }

    private final class TreeIndex implements Index {
        private final Map<String, String> rootOf = new HashMap<>(8192);
        private final Map<String, Tree> trees = new HashMap<>();

        void build(Plant plant, String root) {
            Tree t = new Tree(root);
            ArrayDeque<String> todo = new ArrayDeque<>();
            todo.add(root);
            // no visited set needed: a device reached from a root through child links has that root as
            // its ancestor, so the walk cannot loop (devices in or below a cycle have no root)
            while (!todo.isEmpty()) {
                String id = todo.poll();
                Device d = plant.deviceOrNull(id);
                t.members.add(id);
                rootOf.put(id, root);
                if (d.isEdge()) {
                    Hostnames.Style s = Hostnames.style(d.hostname());
                    if (s == Hostnames.Style.IP) {
                        t.ip++;
                    } else if (s == Hostnames.Style.DNS) {
                        t.dns++;
                    }
                    if (id.equals(root)) {
                        t.rootStyle = s;
                    }
                }
                for (Device c : plant.children(id)) {
                    todo.add(c.id());
                }
            }
            trees.put(root, t);
        }

        @Override
        public void check(Plant plant, String deviceId, List<Finding> out) {
            Device d = plant.deviceOrNull(deviceId);
            String root = rootOf.get(deviceId);
            Tree t = root == null ? null : trees.get(root);
            if (d == null || t == null || !d.isEdge() || t.ip == 0 || t.dns == 0) {
                return;
            }
            Hostnames.Style mine = Hostnames.style(d.hostname());
            Hostnames.Style want = t.majority();
            if (mine == Hostnames.Style.NONE || mine == want) {
                return;
            }
            int total = t.ip + t.dns;
            int wanted = want == Hostnames.Style.IP ? t.ip : t.dns;
            String wantWord = want == Hostnames.Style.IP ? "IP addresses" : "DNS names";
            out.add(finding(d, "hostname", "Hostname '" + d.hostname() + "' is " + (mine == Hostnames.Style.IP
                    ? "an IP address" : "a DNS name") + ", but the hierarchy under '" + t.root + "' uses " + wantWord
                    + " (" + wanted + " of " + total + " IoT Edge devices); mixing them makes TLS name checks "
                    + "between layers fail.",
                    "Use one style for the whole hierarchy: give this device " + (want == Hostnames.Style.IP
                            ? "its IP address" : "its DNS name (FQDN)") + " as hostname."));
        }

        @Override
        public Set<String> update(Plant before, Plant after, Set<String> changed, Set<String> neighbourhood) {
            Set<String> roots = new LinkedHashSet<>();
            for (String id : neighbourhood) {
                String r = rootOf.get(id);
                if (r != null) {
                    roots.add(r);
                }
                if (after.deviceOrNull(id) != null) {
                    r = rootOf(after, id);
                    if (r != null) {
                        roots.add(r);
                    }
                }
            }
            Set<String> dirty = new HashSet<>(changed);
            for (String r : roots) {
                Tree t = trees.remove(r);
                if (t != null) {
                    for (String m : t.members) {
                        if (r.equals(rootOf.get(m))) {
                            rootOf.remove(m);
                        }
                        dirty.add(m);
                    }
                }
            }
            for (String r : roots) {
                Device d = after.deviceOrNull(r);
                if (d != null && isRoot(after, d)) {
                    build(after, r);
                    dirty.addAll(trees.get(r).members);
                }
            }
            return dirty;
        }
    }
}
