package io.nestedge.commissioning.ansible;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.nestedge.model.Device;
import io.nestedge.model.Layer;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.io.AtomicFiles;
import io.nestedge.model.io.InputException;
import io.nestedge.model.shell.ShellQuote;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.BashRenderer;
import io.nestedge.model.steps.InstallScript;
import io.nestedge.model.steps.InstallStep;
import io.nestedge.model.steps.InstallSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports an Ansible inventory and playbook that perform the same install steps as the SSH
 * commissioning ({@link InstallSteps}), for fleets larger than one laptop should drive. Each step
 * is the same bash as {@code install.sh} ({@link BashRenderer}), run with {@code become}. One play per
 * depth in the device tree (group {@code depth_N}: N hops below the top layer), top layer first, so a
 * device runs only when its parent finished — also when both are in one ISA-95 layer (a leaf device
 * on its gateway's level). The inventory also groups devices by layer ({@code layer_<id>}).
 *
 * <p>Written files: {@code ssh_config} (one Host per device with {@code ProxyJump} through its parent
 * chain and strict host-key checking against {@code known_hosts}), {@code inventory.yml},
 * {@code host_vars/<device>.yml}, {@code playbook.yml}, {@code ansible.cfg}. The sudo password is
 * asked by {@code ansible-playbook -K}; it is never written. A step made of one
 * {@link Action.MergeJson} (the container-engine settings in daemon.json) is done with Ansible's own
 * {@code stat}, {@code slurp}, {@code combine} and {@code copy} (ADR 0420): host vars
 * {@code nestedge_steps} (bash steps before it), {@code nestedge_merge} (path, patch, backup) and
 * {@code nestedge_steps_after}.
 */
public final class AnsibleExporter {
    /** Staging directory on the device for a bundle. */
    public static final String STAGING_ROOT = "/var/tmp/nestedge";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private AnsibleExporter() {
    }

    /**
     * Writes the Ansible files.
     *
     * @param plant the plant (devices, SSH endpoints, layers)
     * @param bundles the exported device bundles (keys must be unencrypted: SSH-transport bundles)
     * @param bundleDir the export directory holding one sub-directory per device
     * @param outDir where to write (created; files replaced atomically)
     * @throws InputException when a bundle has encrypted keys or names a device the plant lacks, or a
     *     plant or bundle value would change what ssh_config or Ansible's templating does
     *     ({@link AnsibleValues}); nothing is written then
     * @throws IOException when writing fails
     */
    public static void export(Plant plant, List<BundleInfo> bundles, Path bundleDir, Path outDir)
            throws InputException, IOException {
        Map<String, BundleInfo> byId = new LinkedHashMap<>();
        for (BundleInfo b : bundles) {
            if (b.keysEncrypted()) {
                throw new InputException(io.nestedge.model.bundle.Bundles.bundleDir(bundleDir, b.deviceId()).toString(), "bundle.json",
                        "the device keys in this bundle are encrypted (USB bundle).",
                        "Export again with --plain-keys for SSH/Ansible commissioning.");
            }
            if (plant.device(b.deviceId()).isEmpty()) {
                throw new InputException(bundleDir.resolve(b.deviceId()).toString(), "bundle.json",
                        "device " + b.deviceId() + " is not in the plant.", "Use the plant the bundles were exported from.");
            }
            byId.put(b.deviceId(), b);
        }
        // Everything is built and checked before the first file is written: a refused value leaves nothing behind.
        AnsibleValues.checkSshConfig(plant, sshConfigDevices(plant, byId));
        Map<String, Object> inventory = inventory(plant, byId, bundleDir);
        AnsibleValues.checkNoJinja("inventory", inventory);
        Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
        for (BundleInfo b : byId.values()) {
            Map<String, Object> v = hostVars(b);
            AnsibleValues.checkNoJinja(b.deviceId(), v);
            vars.put(b.deviceId(), v);
        }
        for (Layer l : plant.layers()) {
            AnsibleValues.checkNoJinja("playbook (play names)", l.id()); // the only plant value in the playbook
        }
        List<Object> playbook = playbook(plant, byId);
        Files.createDirectories(outDir.resolve("host_vars"));
        AtomicFiles.write(outDir.resolve("ssh_config"), sshConfig(plant, byId).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outDir.resolve("ansible.cfg"), ("[defaults]\ninventory = inventory.yml\nhost_key_checking = True\n"
                + "forks = 8\n\n[ssh_connection]\nssh_args = -F ssh_config -o ControlMaster=auto -o ControlPersist=60s\n"
                + "pipelining = True\n").getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outDir.resolve("inventory.yml"), YAML.writeValueAsBytes(inventory));
        for (Map.Entry<String, Map<String, Object>> v : vars.entrySet()) {
            AtomicFiles.write(outDir.resolve("host_vars").resolve(v.getKey() + ".yml"), YAML.writeValueAsBytes(v.getValue()));
        }
        AtomicFiles.write(outDir.resolve("playbook.yml"), YAML.writeValueAsBytes(playbook));
    }

    /** The devices ssh_config gets a Host entry for: the bundles' devices and every ancestor they jump through. */
    private static List<Device> sshConfigDevices(Plant plant, Map<String, BundleInfo> bundles) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(bundles.keySet());
        for (String id : bundles.keySet()) {
            plant.ancestors(id).forEach(a -> ids.add(a.id()));
        }
        return ids.stream().map(plant::deviceOrNull).filter(java.util.Objects::nonNull).toList();
    }

    /** OpenSSH client config: one Host per device, ProxyJump through the parent for isolated layers. */
    static String sshConfig(Plant plant, Map<String, BundleInfo> bundles) {
        StringBuilder sb = new StringBuilder("# Generated by NestEdge Studio. Host keys are verified against known_hosts.\n");
        for (String id : bundles.keySet()) {
            Device d = plant.deviceOrNull(id);
            sb.append("Host ").append(id).append('\n');
            sb.append("  HostName ").append(AnsibleValues.hostName(d)).append('\n');
            sb.append("  Port ").append(d.ssh().port()).append('\n');
            if (!d.ssh().user().isEmpty()) {
                sb.append("  User ").append(d.ssh().user()).append('\n');
            }
            if (d.ssh().reach() == io.nestedge.model.Reachability.VIA_PARENT && d.hasParent()) {
                sb.append("  ProxyJump ").append(d.parentId()).append('\n');
            }
            sb.append("  UserKnownHostsFile known_hosts\n  StrictHostKeyChecking yes\n");
        }
        // Parents outside the bundle set still need an entry to jump through.
        for (String id : bundles.keySet()) {
            for (Device a : plant.ancestors(id)) {
                if (!bundles.containsKey(a.id()) && sb.indexOf("Host " + a.id() + "\n") < 0) {
                    sb.append("Host ").append(a.id()).append("\n  HostName ").append(AnsibleValues.hostName(a)).append("\n  Port ")
                            .append(a.ssh().port()).append('\n');
                    if (a.hasParent() && a.ssh().reach() == io.nestedge.model.Reachability.VIA_PARENT) {
                        sb.append("  ProxyJump ").append(a.parentId()).append('\n');
                    }
                    sb.append("  UserKnownHostsFile known_hosts\n  StrictHostKeyChecking yes\n");
                }
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> inventory(Plant plant, Map<String, BundleInfo> bundles, Path bundleDir) {
        Map<String, Object> children = new LinkedHashMap<>();
        for (Layer l : plant.layers()) {
            Map<String, Object> hosts = new LinkedHashMap<>();
            for (BundleInfo b : bundles.values()) {
                if (plant.deviceOrNull(b.deviceId()).layerId().equals(l.id())) {
                    hosts.put(b.deviceId(), null);
                }
            }
            if (!hosts.isEmpty()) {
                children.put(group(l), Map.of("hosts", hosts));
            }
        }
        // One group per depth in the device tree: the plays run parents before children even when a
        // child sits in its parent's layer (a leaf device on its gateway's ISA-95 level).
        for (Map.Entry<Integer, List<String>> e : byDepth(plant, bundles).entrySet()) {
            Map<String, Object> hosts = new LinkedHashMap<>();
            e.getValue().forEach(id -> hosts.put(id, null));
            children.put(depthGroup(e.getKey()), Map.of("hosts", hosts));
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("nestedge_bundles", bundleDir.toAbsolutePath().normalize().toString());
        vars.put("ansible_become_method", "sudo");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("vars", vars);
        all.put("children", children);
        return Map.of("all", all);
    }

    private static Map<String, Object> hostVars(BundleInfo b) {
        List<Map<String, String>> before = new ArrayList<>();
        List<Map<String, String>> after = new ArrayList<>();
        Map<String, String> merge = null;
        String prelude = "DEVICE_ID=" + ShellQuote.quote(b.deviceId()) + "\n" + InstallScript.helpers();
        for (InstallStep s : InstallSteps.forDevice(b.spec())) {
            Action.MergeJson m = mergeOf(s);
            if (m != null) {
                if (merge != null) {
                    throw new IllegalStateException("one merge step per device is supported, " + b.deviceId() + " has two");
                }
                merge = new LinkedHashMap<>();
                merge.put("id", s.id());
                merge.put("title", s.title());
                merge.put("path", m.target());
                merge.put("patch", m.patch());
                merge.put("backup", m.backup());
                continue;
            }
            Map<String, String> step = new LinkedHashMap<>();
            step.put("id", s.id());
            step.put("title", s.title());
            step.put("script", "set -euo pipefail\n" + prelude + BashRenderer.function(s) + BashRenderer.functionName(s) + "\n");
            (merge == null ? before : after).add(step);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("nestedge_device_id", b.deviceId());
        v.put("nestedge_parent", b.parentId());
        v.put("nestedge_staging", STAGING_ROOT + "/" + io.nestedge.model.export.ExportLayout.dirName(b.deviceId()));
        v.put("nestedge_bundle_dir", io.nestedge.model.export.ExportLayout.deviceDir(b.deviceId()));
        v.put("nestedge_steps", before);
        if (merge != null) {
            v.put("nestedge_merge", merge);
        }
        v.put("nestedge_steps_after", after);
        return v;
    }

    /**
     * The step's merge, when the step is one {@link Action.MergeJson} (the playbook does it with
     * Ansible's own modules, not with install.sh's bash form); null for other steps.
     */
    private static Action.MergeJson mergeOf(InstallStep s) {
        if (s.actions().size() == 1 && s.actions().get(0) instanceof Action.MergeJson m) {
            return m;
        }
        if (s.actions().stream().anyMatch(a -> a instanceof Action.MergeJson)) {
            throw new IllegalStateException("a merge must be alone in its step: " + s.id());
        }
        return null;
    }

    /**
     * The tasks that merge {@code nestedge_merge.patch} into the JSON object file {@code nestedge_merge.path}
     * (ADR 0420): {@code stat} + {@code slurp} read it (absent or empty: {@code {}}), an assertion refuses
     * a file that is not a JSON object, {@code combine} (top-level keys, as {@code JsonMerge}) merges, and
     * only when that changes the object is the old file copied to {@code nestedge_merge.backup} and the
     * merged one written ({@code copy}, 0644 root). Hosts without {@code nestedge_merge} skip them all.
     */
    static List<Object> mergeTasks() {
        List<Object> tasks = new ArrayList<>();
        String when = "nestedge_merge is defined";
        Map<String, Object> stat = task("{{ nestedge_merge.id | default('merge') }}: look for the file", "ansible.builtin.stat",
                Map.of("path", "{{ nestedge_merge.path }}"));
        stat.put("register", "nestedge_merge_stat");
        stat.put("when", when);
        tasks.add(stat);
        Map<String, Object> slurp = task("{{ nestedge_merge.id | default('merge') }}: read the file", "ansible.builtin.slurp",
                Map.of("src", "{{ nestedge_merge.path }}"));
        slurp.put("register", "nestedge_merge_current");
        slurp.put("when", when + " and nestedge_merge_stat.stat.exists");
        tasks.add(slurp);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("nestedge_merge_old", "{{ (nestedge_merge_current.content | b64decode | trim | default('{}', true) | from_json)"
                + " if nestedge_merge_stat.stat.exists else {} }}");
        Map<String, Object> parse = task("{{ nestedge_merge.id | default('merge') }}: parse the file", "ansible.builtin.set_fact", facts);
        parse.put("when", when);
        tasks.add(parse);
        Map<String, Object> check = task("{{ nestedge_merge.id | default('merge') }}: the file is a JSON object", "ansible.builtin.assert",
                Map.of("that", List.of("nestedge_merge_old is mapping"),
                        "fail_msg", "{{ nestedge_merge.path }} is not a JSON object, so its keys cannot be merged (the container "
                                + "engine refuses it too): fix it or move it away, then run again. Left unchanged."));
        check.put("when", when);
        tasks.add(check);
        Map<String, Object> newFact = new LinkedHashMap<>();
        newFact.put("nestedge_merge_new", "{{ nestedge_merge_old | combine(nestedge_merge.patch | from_json) }}");
        Map<String, Object> combine = task("{{ nestedge_merge.id | default('merge') }}: merge the keys", "ansible.builtin.set_fact", newFact);
        combine.put("when", when);
        tasks.add(combine);
        String changed = when + " and nestedge_merge_new != nestedge_merge_old";
        Map<String, Object> backupArgs = new LinkedHashMap<>();
        backupArgs.put("src", "{{ nestedge_merge.path }}");
        backupArgs.put("dest", "{{ nestedge_merge.backup }}");
        backupArgs.put("remote_src", true);
        backupArgs.put("mode", "preserve");
        Map<String, Object> backup = task("{{ nestedge_merge.id | default('merge') }}: back up the file", "ansible.builtin.copy", backupArgs);
        backup.put("when", changed + " and nestedge_merge_stat.stat.exists");
        tasks.add(backup);
        Map<String, Object> writeArgs = new LinkedHashMap<>();
        writeArgs.put("content", "{{ nestedge_merge_new | to_nice_json(indent=2) }}\n");
        writeArgs.put("dest", "{{ nestedge_merge.path }}");
        writeArgs.put("owner", "root");
        writeArgs.put("group", "root");
        writeArgs.put("mode", "0644");
        Map<String, Object> write = task("{{ nestedge_merge.title | default('merge') }}", "ansible.builtin.copy", writeArgs);
        write.put("when", changed);
        tasks.add(write);
        return tasks;
    }

    private static List<Object> playbook(Plant plant, Map<String, BundleInfo> bundles) {
        List<Object> plays = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> depth : byDepth(plant, bundles).entrySet()) {
            List<Object> tasks = new ArrayList<>();
            tasks.add(task("Parent finished", "ansible.builtin.assert", Map.of(
                    "that", List.of("nestedge_parent == '' or nestedge_parent not in groups['all'] or "
                            + "(hostvars[nestedge_parent].nestedge_done | default(false))"),
                    "fail_msg", "not started: parent {{ nestedge_parent }} did not finish")));
            tasks.add(task("Staging directory", "ansible.builtin.file", Map.of("path", "{{ nestedge_staging }}",
                    "state", "directory", "mode", "0700", "owner", "root", "group", "root")));
            tasks.add(task("Upload the bundle", "ansible.builtin.copy", Map.of(
                    "src", "{{ nestedge_bundles }}/{{ nestedge_bundle_dir }}/", "dest", "{{ nestedge_staging }}/",
                    "mode", "preserve")));
            Map<String, Object> stepTask = task("{{ item.title }}", "ansible.builtin.shell",
                    Map.of("cmd", "{{ item.script }}", "chdir", "{{ nestedge_staging }}", "executable", "/bin/bash"));
            stepTask.put("loop", "{{ nestedge_steps }}");
            stepTask.put("loop_control", Map.of("label", "{{ item.id }}"));
            tasks.add(stepTask);
            // The container-engine step merges daemon.json with Ansible's modules; the steps after it
            // (trust-root-ca restarts the container engine) follow.
            tasks.addAll(mergeTasks());
            Map<String, Object> afterTask = task("{{ item.title }}", "ansible.builtin.shell",
                    Map.of("cmd", "{{ item.script }}", "chdir", "{{ nestedge_staging }}", "executable", "/bin/bash"));
            afterTask.put("loop", "{{ nestedge_steps_after }}");
            afterTask.put("loop_control", Map.of("label", "{{ item.id }}"));
            tasks.add(afterTask);
            tasks.add(task("Remove the staging directory", "ansible.builtin.file",
                    Map.of("path", "{{ nestedge_staging }}", "state", "absent")));
            tasks.add(task("Done", "ansible.builtin.set_fact", Map.of("nestedge_done", true)));
            Map<String, Object> play = new LinkedHashMap<>();
            List<String> layers = depth.getValue().stream().map(id -> plant.deviceOrNull(id).layerId()).distinct().toList();
            play.put("name", (depth.getKey() == 0 ? "Top layer" : depth.getKey() + " hop(s) below the top layer")
                    + " (layer " + String.join(", ", layers) + ")");
            play.put("hosts", depthGroup(depth.getKey()));
            play.put("become", true);
            play.put("gather_facts", false);
            play.put("tasks", tasks);
            plays.add(play);
        }
        return plays;
    }

    private static Map<String, Object> task(String name, String module, Map<String, Object> args) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put(module, args);
        return t;
    }

    /** Bundle devices by depth in the device tree (number of ancestors), in plant order. */
    private static java.util.SortedMap<Integer, List<String>> byDepth(Plant plant, Map<String, BundleInfo> bundles) {
        java.util.SortedMap<Integer, List<String>> out = new java.util.TreeMap<>();
        for (String id : bundles.keySet()) {
            out.computeIfAbsent(plant.ancestors(id).size(), k -> new ArrayList<>()).add(id);
        }
        return out;
    }

    private static String depthGroup(int depth) {
        return "depth_" + depth;
    }

    private static String group(Layer l) {
        return "layer_" + l.id().replaceAll("[^A-Za-z0-9_]", "_");
    }
}
