package io.nestedge.commissioning.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nestedge.model.samples.SamplePlants;
import io.nestedge.model.steps.DaemonJson;
import io.nestedge.model.steps.JsonMerge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playbook's merge tasks ({@link AnsibleExporter#mergeTasks()}) run for real by
 * {@code ansible-playbook} on this machine (connection local) against a daemon.json in a temporary
 * directory: they keep foreign keys, back up, change nothing when the keys are already set, and
 * refuse a file that is not a JSON object.
 */
class AnsibleMergeTasksTest {
    private static final ObjectNode PATCH = DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE);

    @TempDir
    Path dir;

    private record Run(int exit, String out) { }

    private Run play(Path target) throws Exception {
        boolean ansible = Files.isExecutable(Path.of("/usr/bin/ansible-playbook"));
        if (!ansible && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("ansible-playbook is missing in CI: .ci/run must install ansible-core");
        }
        assumeTrue(ansible, "ansible-playbook not installed");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run as root (the tasks set owner root)");
        }
        assumeTrue(root, "the merge tasks set owner root: needs root (runs in CI)");
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("id", "container-engine");
        merge.put("title", "Container-engine settings");
        merge.put("path", target.toString());
        merge.put("patch", JsonMerge.compact(PATCH));
        merge.put("backup", target + ".nestedge-test.bak");
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", "merge");
        play.put("hosts", "localhost");
        play.put("connection", "local");
        play.put("gather_facts", false);
        play.put("vars", Map.of("nestedge_merge", merge));
        play.put("tasks", AnsibleExporter.mergeTasks());
        Path book = dir.resolve("merge.yml");
        Files.write(book, new ObjectMapper(new YAMLFactory()).writeValueAsBytes(List.of(play)));
        ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", "localhost,", book.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void mergesKeepingForeignKeysAndBacksUpThenChangesNothingTheSecondTime() throws Exception {
        Path target = Files.createDirectories(dir.resolve("etc/docker")).resolve("daemon.json");
        String foreign = "{\"registry-mirrors\": [\"https://mirror.contoso-plant.local\"], \"log-driver\": \"journald\"}\n";
        Files.writeString(target, foreign);
        Run first = play(target);
        assertThat(first.exit()).as(first.out()).isZero();
        ObjectNode merged = JsonMerge.parseObject(Files.readString(target));
        assertThat(merged.get("registry-mirrors").get(0).asText()).isEqualTo("https://mirror.contoso-plant.local");
        assertThat(JsonMerge.holds(merged, PATCH)).isTrue();
        assertThat(merged.at("/log-opts/max-file").isTextual()).as("max-file stays a string").isTrue();
        assertThat(Files.readString(target.resolveSibling("daemon.json.nestedge-test.bak"))).isEqualTo(foreign);
        assertThat(first.out()).containsPattern("changed=2\\s");

        String written = Files.readString(target);
        Run second = play(target);
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.out()).containsPattern("changed=0\\s");
        assertThat(Files.readString(target)).isEqualTo(written);
    }

    @Test
    void writesAnAbsentFile() throws Exception {
        Path target = Files.createDirectories(dir.resolve("etc/docker")).resolve("daemon.json");
        Run r = play(target);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(JsonMerge.parseObject(Files.readString(target))).isEqualTo(PATCH);
        assertThat(target.resolveSibling("daemon.json.nestedge-test.bak")).doesNotExist();
    }

    @Test
    void refusesAFileThatIsNotAJsonObjectAndLeavesIt() throws Exception {
        Path target = Files.createDirectories(dir.resolve("etc/docker")).resolve("daemon.json");
        Files.writeString(target, "[\"dns\"]\n");
        Run r = play(target);
        assertThat(r.exit()).as(r.out()).isNotZero();
        assertThat(r.out()).contains("is not a JSON object");
        assertThat(Files.readString(target)).isEqualTo("[\"dns\"]\n");
    }
}
