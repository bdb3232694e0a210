package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.PlantRule;
import io.nestedge.model.rules.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * NE-HOST-DUPLICATE: two devices must not share a hostname (compared case-insensitively, as DNS
 * does): children would reach the wrong parent and the certificates' names would collide (facts §2).
 * Every device of a duplicate group gets a finding naming the others. Indexed by hostname.
 */
public final class DuplicateHostnameRule extends PlantRule {
    /** Creates the rule. */
    public DuplicateHostnameRule() {
        super("NE-HOST-DUPLICATE", Severity.ERROR, "facts §2", "Hostnames must be unique in the plant (case-insensitive).");
    }

    @Override
    public Index index(Plant plant) {
        HostIndex idx = new HostIndex();
        for (Device d : plant.devices()) {
            idx.add(d);
        }
        return idx;
    }

    private final class HostIndex implements Index {
        private final Map<String, TreeSet<String>> byHost = new HashMap<>();

        void add(Device d) {
            if (!d.hostname().isEmpty()) {
                byHost.computeIfAbsent(Hostnames.key(d.hostname()), k -> new TreeSet<>()).add(d.id());
            }
        }

        void remove(Device d) {
            if (d.hostname().isEmpty()) {
                return;
            }
            String k = Hostnames.key(d.hostname());
            TreeSet<String> s = byHost.get(k);
            if (s != null && s.remove(d.id()) && s.isEmpty()) {
                byHost.remove(k);
            }
        }

        @Override
        public void check(Plant plant, String deviceId, List<Finding> out) {
            Device d = plant.deviceOrNull(deviceId);
            if (d == null || d.hostname().isEmpty()) {
                return;
            }
            TreeSet<String> group = byHost.get(Hostnames.key(d.hostname()));
            if (group == null || group.size() < 2) {
                return;
            }
            List<String> others = group.stream().filter(id -> !id.equals(deviceId)).limit(3).toList();
            int more = group.size() - 1 - others.size();
            out.add(finding(d, "hostname", "Hostname '" + d.hostname() + "' is also used by " + String.join(", ", others)
                    + (more > 0 ? " and " + more + " more" : "") + "; children would reach the wrong gateway and "
                    + "certificate names collide.",
                    fix(d)));
        }

        @Override
        public Set<String> update(Plant before, Plant after, Set<String> changed, Set<String> neighbourhood) {
            Set<String> dirty = new HashSet<>();
            for (String id : changed) {
                Device old = before.deviceOrNull(id);
                Device neu = after.deviceOrNull(id);
                if (old != null && neu != null && old.hostname().equals(neu.hostname())) {
                    continue;
                }
                for (Device d : new Device[] {old, neu}) {
                    if (d != null && !d.hostname().isEmpty()) {
                        TreeSet<String> g = byHost.get(Hostnames.key(d.hostname()));
                        if (g != null) {
                            dirty.addAll(g);
                        }
                    }
                }
                if (old != null) {
                    remove(old);
                }
                if (neu != null) {
                    add(neu);
                }
                for (Device d : new Device[] {old, neu}) {
                    if (d != null && !d.hostname().isEmpty()) {
                        TreeSet<String> g = byHost.get(Hostnames.key(d.hostname()));
                        if (g != null) {
                            dirty.addAll(g);
                        }
                    }
                }
                dirty.add(id);
            }
            return dirty;
        }
    }

    private static String fix(Device d) {
        String suggestion = d.id() + "." + domain(d.hostname());
        return suggestion.equalsIgnoreCase(d.hostname())
                ? "Keep this hostname on this device and give the other devices their own."
                : "Give each device its own hostname, e.g. '" + suggestion + "' for this one.";
    }

    private static String domain(String h) {
        int dot = h.indexOf('.');
        return dot < 0 || Hostnames.style(h) == Hostnames.Style.IP ? "plant.local" : h.substring(dot + 1);
    }
}
