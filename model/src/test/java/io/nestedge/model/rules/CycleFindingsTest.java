package io.nestedge.model.rules;

import static io.nestedge.model.rules.Edits.BOTTOM;
import static io.nestedge.model.rules.Edits.TOP;
import static io.nestedge.model.rules.Edits.edit;
import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A parent-link cycle is reported once per member, without consequential image findings. */
class CycleFindingsTest {
    @Test
    void aCycleRaisesNoPullThroughParentFindingsOnItsMembers() {
        // the top gateway's images come straight from the registries; closing the cycle gives it a parent
        Plant p = edit(TOP, d -> d.withParent(BOTTOM));
        List<Finding> f = Validator.validate(p);
        assertThat(f).filteredOn(x -> x.ruleId().equals("NE-HIERARCHY-CYCLE")).hasSize(3);
        assertThat(f).filteredOn(x -> x.ruleId().equals("NE-IMAGE-VIA-PARENT")).isEmpty();
    }

    @Test
    void breakingTheCycleElsewhereBringsTheImageFindingBackIncrementally() {
        Plant cycle = edit(TOP, d -> d.withParent(BOTTOM));
        IncrementalValidator v = IncrementalValidator.start(cycle);
        // cut the cycle below the former top: it keeps a parent and still pulls from public registries
        String mid = cycle.deviceOrNull(BOTTOM).parentId();
        Plant cut = cycle.withDevice(cycle.deviceOrNull(mid).withParent(""));
        List<Finding> inc = v.update(cut, List.of(mid));
        assertThat(inc).isEqualTo(Validator.validate(cut));
        assertThat(inc).anyMatch(x -> x.ruleId().equals("NE-IMAGE-VIA-PARENT") && x.deviceId().equals(TOP));
    }
}
