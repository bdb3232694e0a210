package io.nestedge.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SamplePlantsAreCleanTest {
    @Test
    void samplePlantHasNoFindings() {
        assertThat(Validator.validate(SamplePlants.sample())).extracting(Finding::toLine).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,0", "1,5", "2,0", "5,3", "30,10", "300,200", "1000,4000", "4000,1000"})
    void generatedPlantsHaveNoFindings(int edge, int leaves) {
        Plant p = SamplePlants.generate(edge, leaves);
        assertThat(Validator.validate(p)).extracting(Finding::toLine).isEmpty();
    }
}
