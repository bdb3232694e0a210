package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A malformed {@code --secrets} file is reported by position and shape, never with its values:
 * the YAML parser's own messages quote the offending line or value (a SAS key, a password).
 */
class ExportSecretsFileTest {
    private static final String SECRET = "c2VjcmV0LXNhcy1rZXktZG8tbm90LXByaW50";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "sasKeys:\n  site-gw: \"" + SECRET + "\n  other: x\n",   // unterminated quote: the parser quotes the line
        "sasKeys: " + SECRET + "\n",                             // a string where a map belongs: the parser quotes the value
        "registryPassword: " + SECRET + ": x\n",                 // a stray ': ' in the value
        "sasKeys:\n  site-gw: " + SECRET + "\n   bad: indent\n", // bad indentation after the key
    })
    void aMalformedSecretsFileNeverPrintsItsValues(String content) throws Exception {
        Path plant = dir.resolve("plant.json");
        PlantFile.write(SamplePlants.sample(), plant);
        Path secrets = dir.resolve("secrets.yaml");
        Files.writeString(secrets, content);
        MainJobCommandsTest.Result r = MainJobCommandsTest.run("export", plant.toString(), "-o", dir.resolve("out").toString(),
                "--secrets", secrets.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains(secrets.toString()).contains("line ");
        assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 12));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void theSecretsFileRecordNeverPrintsItsValues() {
        String s = new ExportCommand.SecretsFile(java.util.Map.of("site-gw", SECRET), java.util.Map.of("leaf", "HostName=h;SharedAccessKey=" + SECRET),
                "registry-" + SECRET).toString();
        assertThat(s).contains("site-gw").contains("leaf").doesNotContain(SECRET);
    }
}
