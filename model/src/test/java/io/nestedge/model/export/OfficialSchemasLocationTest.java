package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where the oracle finds the shared schemas, and what happens when they are not there. */
class OfficialSchemasLocationTest {
    @Test
    void foundBesideTheCloneFromTheModuleDirectory(@TempDir Path root) throws Exception {
        Path module = Files.createDirectories(root.resolve("ci/clone/model"));
        Path shared = Files.createDirectories(root.resolve("ci/shared/schemas"));
        Files.writeString(shared.resolve(OfficialSchemas.AGENT_1_1), "{}");
        assertThat(OfficialSchemas.locate(module, root.resolve("nowhere"))).isEqualTo(shared);
        assertThat(OfficialSchemas.locate(module.resolve("../../clone/model"), root.resolve("nowhere"))).isEqualTo(shared);
    }

    @Test
    void fallsBackAndOtherwiseReportsNothing(@TempDir Path root) throws Exception {
        Path module = Files.createDirectories(root.resolve("clone/model"));
        Path fallback = Files.createDirectories(root.resolve("elsewhere"));
        assertThat(OfficialSchemas.locate(module, fallback)).isNull();
        Files.writeString(fallback.resolve(OfficialSchemas.AGENT_1_1), "{}");
        assertThat(OfficialSchemas.locate(module, fallback)).isEqualTo(fallback);
    }

    @Test
    void missingSchemasFailOnCiAndSkipElsewhere() {
        assertThatThrownBy(() -> OfficialSchemas.missing(true, "not found")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI must place shared/ beside the clone");
        assertThatThrownBy(() -> OfficialSchemas.missing(false, "not found")).isInstanceOf(TestAbortedException.class);
    }
}
