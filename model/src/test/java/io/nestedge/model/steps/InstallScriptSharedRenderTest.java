package io.nestedge.model.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.OsFamily;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/**
 * An export renders every device's install.sh with one shared map of rendered steps: each script
 * must be exactly the one rendered on its own, whatever devices came before it.
 */
class InstallScriptSharedRenderTest {
    @Test
    void sharedStepTextGivesTheSameScriptsAsRenderingAlone() {
        List<DeviceInstallSpec> specs = new ArrayList<>();
        for (OsFamily os : new OsFamily[] {OsFamily.DEBIAN, OsFamily.MARINER}) {
            specs.add(InstallStepsTest.spec("top", true, "", os));
            specs.add(InstallStepsTest.spec("mid", true, "top.plant.local", os));
            specs.add(InstallStepsTest.spec("mid2", true, "top.plant.local", os).withContainerEngine(SamplePlants.SAMPLE_CONTAINER_ENGINE));
            specs.add(InstallStepsTest.spec("leaf", false, "mid.plant.local", os));
            specs.add(InstallStepsTest.spec("leaf2", false, "mid.plant.local", os));
            specs.add(InstallStepsTest.spec("leaf3", false, "mid2.plant.local", os));
        }
        ConcurrentMap<InstallStep, String> shared = new ConcurrentHashMap<>();
        for (int round = 0; round < 2; round++) {
            for (DeviceInstallSpec s : specs) {
                List<InstallStep> steps = InstallSteps.forDevice(s);
                assertThat(InstallScript.render(s, steps, List.of(), "test", shared))
                        .as(s.deviceId()).isEqualTo(InstallScript.render(s, steps, List.of(), "test"));
            }
        }
        // Steps that are the same on every device were rendered once.
        long verifyBundle = shared.keySet().stream().filter(st -> st.id().equals(InstallSteps.VERIFY_BUNDLE)).count();
        assertThat(verifyBundle).isEqualTo(1);
    }
}
