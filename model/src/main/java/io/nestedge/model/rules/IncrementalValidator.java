package io.nestedge.model.rules;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validation that follows a plant through edits and re-checks only what an edit can change: the
 * changed devices, their old and new parents and children (for {@link DeviceRule.Reach#NEIGHBOURS}
 * rules), their old and new ancestors (for {@link DeviceRule.Reach#ANCESTORS} rules), and what the
 * indexes of the {@link PlantRule}s report. A change of the plant settings (layers, hub, registry, API
 * proxy, PKI) re-validates everything. The result is always exactly what {@link Validator#validate}
 * returns for the same plant (property-tested).
 *
 * <p>Not thread-safe: one instance per open plant (e.g. the designer's undo stack feeds it).
 */
public final class IncrementalValidator {
    /** Total order within one device: rule ID, field, message, severity, fix. */
    static final Comparator<Finding> WITHIN_DEVICE = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::field).thenComparing(Finding::message)
            .thenComparing(Finding::severity).thenComparing(Finding::fix);

    private final List<DeviceRule> deviceRules;
    private final List<DeviceRule> ancestorRules;
    private final List<PlantRule> plantRules;
    private final List<SettingsRule> settingsRules;
    private final Map<String, Integer> slotOfRule = new HashMap<>();
    private final Map<String, Entry> byDevice = new HashMap<>();
    private final List<Finding> scratch = new ArrayList<>();
    private PlantRule.Index[] indexes;
    private List<Finding> settingsFindings;
    private Plant plant;
    private List<Finding> current;

    private IncrementalValidator(List<Rule> rules) {
        List<DeviceRule> dr = new ArrayList<>();
        List<DeviceRule> ar = new ArrayList<>();
        List<PlantRule> pr = new ArrayList<>();
        List<SettingsRule> sr = new ArrayList<>();
        for (Rule r : rules) {
            if (r instanceof DeviceRule d) {
                (d.reach() == DeviceRule.Reach.ANCESTORS ? ar : dr).add(d);
                slotOfRule.put(r.id(), 0);
            } else if (r instanceof PlantRule p) {
                pr.add(p);
                slotOfRule.put(r.id(), pr.size());
            } else if (r instanceof SettingsRule s) {
                sr.add(s);
            } else {
                throw new IllegalArgumentException("unknown rule kind: " + r.id());
            }
        }
        this.deviceRules = List.copyOf(dr);
        this.ancestorRules = List.copyOf(ar);
        this.plantRules = List.copyOf(pr);
        this.settingsRules = List.copyOf(sr);
    }

    /**
     * Validates {@code plant} in full with every rule of the {@link RuleCatalog} and keeps the state
     * for later {@link #update}s.
     */
    public static IncrementalValidator start(Plant plant) {
        IncrementalValidator v = new IncrementalValidator(RuleCatalog.rules());
        v.full(Objects.requireNonNull(plant));
        return v;
    }

    /**
     * Re-validates {@code after} from a previous validation result without keeping state: builds the
     * plant-rule indexes of {@code before} (O(devices), no rule evaluated), reuses
     * {@code beforeFindings} and re-checks what the edit can change.
     *
     * @param before the previous plant
     * @param beforeFindings {@link Validator#validate}{@code (before)}
     * @param after the edited plant
     * @param changedIds IDs of every device added, removed or modified between the two
     * @return the findings of {@code after}, equal to {@code Validator.validate(after)}
     */
    public static List<Finding> revalidate(Plant before, List<Finding> beforeFindings, Plant after,
            Collection<String> changedIds) {
        IncrementalValidator v = new IncrementalValidator(RuleCatalog.rules());
        v.plant = before;
        v.indexes = v.plantRules.stream().map(r -> r.index(before)).toArray(PlantRule.Index[]::new);
        List<Finding> settings = new ArrayList<>();
        Map<String, List<List<Finding>>> grouped = new HashMap<>();
        for (Finding f : beforeFindings) {
            if (f.deviceId().isEmpty()) {
                settings.add(f);
                continue;
            }
            Integer slot = v.slotOfRule.get(f.ruleId());
            if (slot == null) {
                throw new IllegalArgumentException("finding of an unknown rule: " + f.ruleId());
            }
            List<List<Finding>> slots = grouped.computeIfAbsent(f.deviceId(), k -> v.emptySlots());
            slots.get(slot).add(f);
        }
        v.settingsFindings = List.copyOf(settings);
        grouped.forEach((id, slots) -> {
            Entry e = v.entry(id);
            for (int i = 0; i < slots.size(); i++) {
                e.slots[i] = List.copyOf(slots.get(i));
            }
        });
        v.current = List.copyOf(beforeFindings);
        return v.update(after, changedIds);
    }

    private List<List<Finding>> emptySlots() {
        List<List<Finding>> l = new ArrayList<>();
        for (int i = 0; i <= plantRules.size(); i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    /** The plant the current findings belong to. */
    public Plant plant() {
        return plant;
    }

    /** The current findings: plant-wide first, then by device in plant order, then rule ID. */
    public List<Finding> findings() {
        return current;
    }

    /**
     * Moves to an edited plant and returns its findings.
     *
     * @param next the edited plant
     * @param changedIds IDs of every device added, removed or modified since {@link #plant()} (a device
     *     renamed with {@link Plant#replaceDevice} counts as its old and new ID plus its re-pointed
     *     children); extra IDs are harmless, missing ones give stale findings
     * @return the findings of {@code next}, equal to {@code Validator.validate(next)}
     */
    public List<Finding> update(Plant next, Collection<String> changedIds) {
        Objects.requireNonNull(next);
        if (!sameSettings(plant, next) || topMostLane(plant) != topMostLane(next)) {
            // the top-most lane holding devices is plant-wide input of NE-IMAGE-UPSTREAM-TOP's message
            byDevice.clear();
            full(next);
            return current;
        }
        Set<String> changed = new LinkedHashSet<>(changedIds);
        Set<String> neighbourhood = new LinkedHashSet<>(changed);
        for (String id : changed) {
            addNeighbours(plant, id, neighbourhood);
            addNeighbours(next, id, neighbourhood);
        }
        Set<String> ancestry = new LinkedHashSet<>();
        if (!ancestorRules.isEmpty()) {
            for (String id : changed) {
                ancestry.add(id);
                plant.ancestors(id).forEach(d -> ancestry.add(d.id()));
                next.ancestors(id).forEach(d -> ancestry.add(d.id()));
            }
        }
        Set<String> deviceDirty = new LinkedHashSet<>(neighbourhood);
        deviceDirty.addAll(ancestry);
        for (String id : deviceDirty) {
            Device d = next.deviceOrNull(id);
            if (d == null) {
                setSlot(id, 0, List.of());
                continue;
            }
            scratch.clear();
            runDeviceRules(d, next);
            setSlot(id, 0, scratch);
        }
        for (int i = 0; i < plantRules.size(); i++) {
            for (String id : indexes[i].update(plant, next, changed, neighbourhood)) {
                checkPlantRule(i, next, id);
            }
        }
        for (String id : changed) {
            if (next.deviceOrNull(id) == null) {
                byDevice.remove(id);
            }
        }
        plant = next;
        current = assemble();
        return current;
    }

    /** Index of the highest lane holding a device (layers are ordered top first), or -1 for none. */
    static int topMostLane(Plant p) {
        int top = Integer.MAX_VALUE;
        for (Device d : p.devices()) {
            int i = p.layerIndex(d.layerId());
            if (i >= 0 && i < top) {
                top = i;
            }
        }
        return top == Integer.MAX_VALUE ? -1 : top;
    }

    private void full(Plant p) {
        plant = p;
        List<Finding> settings = new ArrayList<>();
        for (SettingsRule r : settingsRules) {
            r.check(p, settings);
        }
        settings.sort(WITHIN_DEVICE);
        settingsFindings = List.copyOf(settings);
        indexes = plantRules.stream().map(r -> r.index(p)).toArray(PlantRule.Index[]::new);
        for (Device d : p.devices()) {
            scratch.clear();
            runDeviceRules(d, p);
            if (!scratch.isEmpty()) {
                setSlot(d.id(), 0, scratch);
            }
            for (int i = 0; i < plantRules.size(); i++) {
                checkPlantRule(i, p, d.id());
            }
        }
        current = assemble();
    }

    private void runDeviceRules(Device d, Plant p) {
        for (DeviceRule r : deviceRules) {
            r.check(d, p, scratch);
        }
        for (DeviceRule r : ancestorRules) {
            r.check(d, p, scratch);
        }
    }

    private void checkPlantRule(int i, Plant p, String id) {
        if (p.deviceOrNull(id) == null) {
            setSlot(id, i + 1, List.of());
            return;
        }
        scratch.clear();
        indexes[i].check(p, id, scratch);
        setSlot(id, i + 1, scratch);
    }

    private void setSlot(String id, int slot, List<Finding> findings) {
        Entry e = byDevice.get(id);
        if (e == null) {
            if (findings.isEmpty()) {
                return;
            }
            e = entry(id);
        }
        e.slots[slot] = findings.isEmpty() ? List.of() : List.copyOf(findings);
        e.merged = null;
        if (e.isEmpty()) {
            byDevice.remove(id);
        }
    }

    private Entry entry(String id) {
        return byDevice.computeIfAbsent(id, k -> new Entry(plantRules.size() + 1));
    }

    private List<Finding> assemble() {
        List<Finding> out = new ArrayList<>(settingsFindings);
        if (!byDevice.isEmpty()) {
            int remaining = byDevice.size();
            for (String id : plant.deviceIds()) {
                Entry e = byDevice.get(id);
                if (e != null) {
                    out.addAll(e.merged());
                    if (--remaining == 0) {
                        break;
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static void addNeighbours(Plant p, String id, Set<String> into) {
        Device d = p.deviceOrNull(id);
        if (d != null && d.hasParent()) {
            into.add(d.parentId());
        }
        for (Device c : p.children(id)) {
            into.add(c.id());
        }
    }

    private static boolean sameSettings(Plant a, Plant b) {
        return a == b || a.layers().equals(b.layers()) && a.hub().equals(b.hub())
                && a.registry().equals(b.registry()) && a.apiProxy().equals(b.apiProxy()) && a.pki().equals(b.pki())
                && a.containerEngine().equals(b.containerEngine());
    }

    /** Findings of one device, one slot per rule group (device rules, then each plant rule). */
    private static final class Entry {
        final List<Finding>[] slots;
        List<Finding> merged;

        @SuppressWarnings("unchecked")
        Entry(int n) {
            slots = new List[n];
            java.util.Arrays.fill(slots, List.of());
        }

        boolean isEmpty() {
            for (List<Finding> s : slots) {
                if (!s.isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        List<Finding> merged() {
            if (merged == null) {
                List<Finding> m = new ArrayList<>();
                for (List<Finding> s : slots) {
                    m.addAll(s);
                }
                m.sort(WITHIN_DEVICE);
                merged = List.copyOf(m);
            }
            return merged;
        }
    }

    /** Exposed for tests: number of devices that currently have findings. */
    int devicesWithFindings() {
        return byDevice.size();
    }
}
