package io.nestedge.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Container-engine rules beyond the one-case-per-rule table ({@link RuleCasesTest}). */
class ContainerEngineRulesTest {
    private static List<String> ids(Plant p) {
        return Validator.validate(p).stream().map(f -> f.ruleId() + " " + f.field()).toList();
    }

    @Test
    void aFileCountWithoutASizeIsAnErrorOnTheSize() {
        Plant p = SamplePlants.sample().withContainerEngine(new ContainerEngineSettings(List.of("10.0.3.53"), null, "", 3));
        assertThat(ids(p)).contains("NE-ENGINE-LOG-SIZE containerEngine.logMaxSize")
                .doesNotContain("NE-ENGINE-LOG-FILES containerEngine.logMaxFiles");
        assertThat(Validator.validate(p)).filteredOn(f -> f.ruleId().equals("NE-ENGINE-LOG-SIZE"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void sizesAndAddressesTheEngineTakes() {
        for (String ok : List.of("10m", "1g", "512k", "100M")) {
            assertThat(ids(SamplePlants.sample().withContainerEngine(SamplePlants.sample().containerEngine().withLogMaxSize(ok))))
                    .as(ok).noneMatch(s -> s.startsWith("NE-ENGINE"));
        }
        for (String bad : List.of("10", "0m", "10mb", "-1m", "1.5g", "10 m")) {
            assertThat(ids(SamplePlants.sample().withContainerEngine(SamplePlants.sample().containerEngine().withLogMaxSize(bad))))
                    .as(bad).contains("NE-ENGINE-LOG-SIZE containerEngine.logMaxSize");
        }
        Plant names = SamplePlants.sample().withContainerEngine(SamplePlants.sample().containerEngine()
                .withDns(List.of("8.8.8.8", "10.0.3.300", "::1", "resolver")));
        assertThat(ids(names)).filteredOn(s -> s.startsWith("NE-ENGINE-DNS"))
                .containsExactly("NE-ENGINE-DNS containerEngine.dns[1]", "NE-ENGINE-DNS containerEngine.dns[3]");
    }

    @Test
    void unsetSettingsAreAdviceNotWarnings() {
        Plant p = SamplePlants.sample().withContainerEngine(ContainerEngineSettings.NONE);
        assertThat(Validator.validate(p)).filteredOn(f -> f.ruleId().equals("NE-ENGINE-UNSET"))
                .hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void incrementalValidationFollowsAContainerEngineEdit() {
        Plant before = SamplePlants.sample();
        IncrementalValidator v = IncrementalValidator.start(before);
        Plant after = before.withContainerEngine(before.containerEngine().withLogMaxFiles(0));
        assertThat(v.update(after, Set.of())).isEqualTo(Validator.validate(after))
                .anyMatch(f -> f.ruleId().equals("NE-ENGINE-LOG-FILES"));
    }
}
