package io.nestedge.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Provisioning;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The incremental validator returns exactly what a full validation returns, over random chains of
 * edits (hostnames, re-parenting into cycles and dangling parents, layers, kinds, removals, additions,
 * renames, modules, provisioning, settings) on generated plants.
 */
class IncrementalValidatorTest {
    private static final String[] LAYERS = {"L5", "L4", "L3", "L2", "L9"};

    /** One random edit: the new plant and the IDs it changed. */
    record Edit(Plant plant, Set<String> changed, String what) {
    }

    static Edit randomEdit(Plant p, Random rnd, int serial) {
        List<Device> all = p.devices();
        if (all.isEmpty()) {
            Device d = SamplePlants.topGateway("new-" + serial, "new-" + serial + ".gen.plant.local", "L4", p.apiProxy(), null);
            return new Edit(p.withDevice(d), Set.of(d.id()), "add first");
        }
        Device d = all.get(rnd.nextInt(all.size()));
        Device other = all.get(rnd.nextInt(all.size()));
        switch (rnd.nextInt(14)) {
            case 0, 1 -> {
                String[] hosts = {other.hostname(), other.hostname().toUpperCase(), "192.168.7." + rnd.nextInt(300), "parent",
                        "x".repeat(70), "22112233", "", "renamed-" + serial + ".gen.plant.local", "fd00::" + rnd.nextInt(99),
                        "bad host", d.hostname()};
                String h = hosts[rnd.nextInt(hosts.length)];
                return new Edit(p.withDevice(d.withHostname(h)), Set.of(d.id()), d.id() + " hostname " + h);
            }
            case 2, 3 -> {
                String[] parents = {other.id(), "", "ghost", d.id(), other.parentId()};
                String np = parents[rnd.nextInt(parents.length)];
                return new Edit(p.withDevice(d.withParent(np)), Set.of(d.id()), d.id() + " parent " + np);
            }
            case 4 -> {
                String l = LAYERS[rnd.nextInt(LAYERS.length)];
                return new Edit(p.withDevice(d.withLayer(l)), Set.of(d.id()), d.id() + " layer " + l);
            }
            case 5 -> {
                Device flipped = d.toBuilder().kind(d.isEdge() ? DeviceKind.LEAF : DeviceKind.IOT_EDGE).build();
                return new Edit(p.withDevice(flipped), Set.of(d.id()), d.id() + " kind flip");
            }
            case 6 -> {
                return new Edit(p.withoutDevice(d.id()), Set.of(d.id()), d.id() + " removed");
            }
            case 7 -> {
                String id = rnd.nextBoolean() ? "ghost" : "added-" + serial;
                Device n = rnd.nextBoolean()
                        ? SamplePlants.lowerDevice(id, id + ".gen.plant.local", "L3", other.id(), p.apiProxy(), rnd.nextBoolean(), null)
                        : Device.builder(id, DeviceKind.LEAF).hostname(id + ".gen.plant.local").layerId("L2").parentId(other.id()).build();
                return new Edit(p.withDevice(n), Set.of(id), id + " added under " + other.id());
            }
            case 8 -> {
                String nid = d.id() + "-r" + serial;
                Set<String> changed = new LinkedHashSet<>(List.of(d.id(), nid));
                p.children(d.id()).forEach(c -> changed.add(c.id()));
                return new Edit(p.replaceDevice(d.id(), d.toBuilder().id(nid).build()), changed, d.id() + " renamed " + nid);
            }
            case 9 -> {
                Device m = d.withModules(rnd.nextBoolean() ? List.of() : other.modules());
                return new Edit(p.withDevice(m), Set.of(d.id()), d.id() + " modules");
            }
            case 10 -> {
                EdgeRuntime r = d.runtime() == null ? EdgeRuntime.of("mcr.microsoft.com", "1.1") : d.runtime().withEdgeHubPorts(
                        List.of(PortBinding.tcp(443), PortBinding.tcp(5671), PortBinding.tcp(8883)))
                        .withEdgeHubEnv("MaxConnectedClients", rnd.nextBoolean() ? "2" : "x");
                return new Edit(p.withDevice(d.withRuntime(rnd.nextInt(4) == 0 ? null : r)), Set.of(d.id()), d.id() + " runtime");
            }
            case 11 -> {
                Device m = d.toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "")).expectedOfflineDays(rnd.nextInt(40))
                        .build();
                return new Edit(p.withDevice(m), Set.of(d.id()), d.id() + " DPS/offline");
            }
            case 12 -> {
                // several devices at once
                List<Device> batch = new ArrayList<>();
                Set<String> changed = new LinkedHashSet<>();
                for (int i = 0; i < 3; i++) {
                    Device x = all.get(rnd.nextInt(all.size()));
                    Device y = all.get(rnd.nextInt(all.size()));
                    batch.add(x.withParent(y.id()).withHostname(y.hostname()));
                    changed.add(x.id());
                }
                return new Edit(p.withDevices(batch), changed, "batch " + changed);
            }
            default -> {
                PkiSettings pk = new PkiSettings(null, null, null, 3650, rnd.nextBoolean() ? 20 : 365, true, "", "");
                return new Edit(p.withPki(pk), Set.of(), "pki");
            }
        }
    }

    static Plant base(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> SamplePlants.sample();
            case 1 -> SamplePlants.generate(2 + rnd.nextInt(40), rnd.nextInt(30));
            default -> SamplePlants.generate(1 + rnd.nextInt(6), rnd.nextInt(4));
        };
    }

    @Property(tries = 300)
    void incrementalEqualsFullValidationAfterEveryEdit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int edits) {
        Random rnd = new Random(seed);
        Plant p = base(rnd);
        IncrementalValidator v = IncrementalValidator.start(p);
        assertThat(v.findings()).isEqualTo(Validator.validate(p));
        List<String> log = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            Edit e = randomEdit(p, rnd, i);
            log.add(e.what());
            List<Finding> full = Validator.validate(e.plant());
            assertThat(v.update(e.plant(), e.changed())).as("after %s", log).isEqualTo(full);
            assertThat(IncrementalValidator.revalidate(p, Validator.validate(p), e.plant(), e.changed()))
                    .as("stateless after %s", log).isEqualTo(full);
            p = e.plant();
        }
    }

    @Test
    void fixingAFaultRemovesItsFindingsAndOnlyThose() {
        Plant p = SamplePlants.sample();
        IncrementalValidator v = IncrementalValidator.start(p);
        Plant broken = p.updateDevice("ops-gw", d -> d.withHostname("site-gw.contoso-plant.local"));
        assertThat(v.update(broken, Set.of("ops-gw"))).extracting(Finding::ruleId, Finding::deviceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NE-HOST-DUPLICATE", "site-gw"),
                        org.assertj.core.groups.Tuple.tuple("NE-HOST-DUPLICATE", "ops-gw"));
        assertThat(v.update(p, Set.of("ops-gw"))).isEmpty();
        assertThat(v.plant()).isSameAs(p);
    }

    @Test
    void findingsAreOrderedByPlantOrderThenRuleId() {
        Plant p = SamplePlants.sample()
                .updateDevice("press-sensor-01", d -> d.withParent("ghost"))
                .updateDevice("site-gw", d -> d.withHostname("22112233"))
                .updateDevice("ops-gw", d -> d.toBuilder().routes(List.of()).provisioning(new Provisioning(ProvisioningMethod.DPS, "s"))
                        .build())
                .withPki(new PkiSettings(null, null, null, 3650, 20, true, "", ""));
        List<Finding> f = Validator.validate(p);
        assertThat(f).extracting(x -> x.deviceId() + "|" + x.ruleId()).containsExactly(
                "|NE-PKI-EDGECA-VALIDITY",
                "site-gw|NE-HOST-RFC1035", "site-gw|NE-HOST-SINGLE-LABEL",
                "ops-gw|NE-PROV-DPS-NESTED", "ops-gw|NE-ROUTE-UPSTREAM",
                "press-sensor-01|NE-PARENT-MISSING");
        assertThat(Validator.validate(p)).isEqualTo(f);
    }
}
