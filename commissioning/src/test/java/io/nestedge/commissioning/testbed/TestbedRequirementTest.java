package io.nestedge.commissioning.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test bed never silently skips where it is required. */
class TestbedRequirementTest {

    @Test
    void ciOrExplicitRequirementMakesTheBedMandatory() {
        assertThat(TestbedRequirement.required(Map.of("CI", "true"))).isTrue();
        assertThat(TestbedRequirement.required(Map.of("NESTEDGE_TESTBED", "required"))).isTrue();
        assertThat(TestbedRequirement.required(Map.of())).isFalse();
        assertThat(TestbedRequirement.required(Map.of("CI", "false"))).isFalse();
    }

    @Test
    void reportsEveryReasonTheBedCannotRun() {
        assertThat(TestbedRequirement.missing("Linux", Optional.of(1000), t -> !t.equals("jq")))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("needs root"))
                .anySatisfy(r -> assertThat(r).contains("[jq]").contains("apt-get install"));
        assertThat(TestbedRequirement.missing("Mac OS X", Optional.of(0), t -> true)).singleElement()
                .asString().contains("Linux");
        assertThat(TestbedRequirement.missing("Linux", Optional.of(0), t -> true)).isEmpty();
    }
}
