package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every manifest the product generates validates against the official schemas and passes our checks. */
class GeneratedManifestsOracleTest {
    private final OfficialSchemas oracle = OfficialSchemas.get();

    private void bothAccept(List<ObjectNode> manifests) throws Exception {
        assertThat(manifests).isNotEmpty();
        for (ObjectNode m : manifests) {
            String device = m.path("modulesContent").path("$edgeAgent").path("properties.desired").path("modules").toString();
            assertThat(oracle.problems(m)).as("official schemas, %s", device).isEmpty();
            assertThat(ManifestSchemaValidator.validate(m)).as("our checks, %s", device).isEmpty();
            ObjectNode reread = (ObjectNode) CreateOptions.JSON.readTree(DeploymentManifestBuilder.toBytes(m));
            assertThat(oracle.problems(reread)).isEmpty();
            assertThat(ManifestSchemaValidator.validate(reread)).isEmpty();
        }
    }

    @Test
    void samplePlantManifests() throws Exception {
        bothAccept(ManifestFixtures.manifestsOf(SamplePlants.sample(), ExportSecrets.none()));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "3,5", "25,40", "260,30"})
    void generatedPlantManifests(int edgeDevices, int leaves) throws Exception {
        Plant plant = SamplePlants.generate(edgeDevices, leaves);
        List<ObjectNode> manifests = ManifestFixtures.manifestsOf(plant, ExportSecrets.none());
        assertThat(manifests).hasSize(edgeDevices);
        bothAccept(manifests);
    }

    @Test
    void theMutationBasesAreValidToo() throws Exception {
        bothAccept(ManifestFixtures.bases());
    }

    @Test
    void theOracleIsTheSharedCopyNotAProjectFile() {
        assertThat(oracle.dir.resolve(OfficialSchemas.AGENT_1_1)).isRegularFile();
        assertThat(oracle.dir.toAbsolutePath().normalize().startsWith(
                java.nio.file.Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize())).isFalse();
    }
}
