package io.nestedge.commissioning.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nestedge.commissioning.ansible.AnsibleExporter;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.SshEndpoint;
import io.nestedge.model.bundle.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the exported Ansible playbook ({@link AnsibleExporter}) against a test bed with Debian's
 * {@code ansible-playbook}, as a technician would: the plant's SSH addresses are the bed's (as seen
 * from each device's parent), {@code known_hosts} is the bed's (strict checking stays on), the admin
 * key is served by an {@code ssh-agent} started for the run (jump hosts use it too), and the become
 * password of each host comes from a vars file written 0600 in the run's directory — never on a
 * command line ({@code -K} is interactive).
 */
public final class AnsibleOnBed {
    /** The program (apt: ansible-core). */
    public static final String PLAYBOOK = "ansible-playbook";

    private AnsibleOnBed() {
    }

    /**
     * The plant with every device's SSH address set to the bed's ({@code sshAddress}: the top layer
     * as the host sees it, lower layers as their parent sees them).
     *
     * @param plant the plant the bed was made from
     * @param sheet the bed's sheet
     * @return the plant to export the Ansible files from
     */
    public static Plant withBedAddresses(Plant plant, TestbedSheet sheet) {
        List<Device> changed = new ArrayList<>();
        for (Device d : plant.devices()) {
            TestbedSheet.Device b = sheet.device(d.id());
            changed.add(d.toBuilder().ssh(new SshEndpoint(b.sshAddress(), b.sshPort(), b.user(), d.ssh().reach())).build());
        }
        return plant.withDevices(changed);
    }

    /**
     * Exports the inventory, playbook and ssh_config for the bed, with the bed's known_hosts.
     *
     * @param plant the plant the bed was made from
     * @param bundles the export directory (plain keys)
     * @param sheet the bed's sheet
     * @param outDir where to write the Ansible files
     * @throws Exception if the export fails
     */
    public static void export(Plant plant, Path bundles, TestbedSheet sheet, Path outDir) throws Exception {
        AnsibleExporter.export(withBedAddresses(plant, sheet), Bundles.readAll(bundles), bundles, outDir);
        Files.copy(sheet.knownHosts(), outDir.resolve("known_hosts"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Runs {@code ansible-playbook -i inventory.yml playbook.yml -e @<vars>} in {@code ansibleDir}.
     *
     * @param ansibleDir the exported Ansible files (with known_hosts)
     * @param bed the bed (admin key, sudo passwords)
     * @param workDir a private directory for the vars file, the agent socket and Ansible's files
     * @param timeout deadline of the whole run
     * @return the run's output and exit code
     * @throws IOException if a program cannot start
     */
    public static ProcessResult run(Path ansibleDir, Testbed bed, Path workDir, Duration timeout) throws IOException {
        Path vars = workDir.resolve("become.yml");
        Map<String, String> passwords = new LinkedHashMap<>();
        for (TestbedSheet.Device d : bed.sheet().devices()) {
            passwords.put(d.id(), bed.sudoPassword(d.id()));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("nestedge_sudo", passwords);
        content.put("ansible_become_password", "{{ nestedge_sudo[inventory_hostname] }}");
        Files.deleteIfExists(vars);
        Files.createFile(vars, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(vars, new ObjectMapper(new YAMLFactory()).writeValueAsBytes(content));

        // Unix socket paths are limited to 108 bytes: the agent socket and ssh's ControlPath live in a
        // short host temp directory, not in the (possibly deep) work directory.
        Path shortDir = Files.createTempDirectory("ne-ansible");
        Path sock = shortDir.resolve("agent.sock");
        ProcessResult agent = Processes.run(Duration.ofSeconds(10), "ssh-agent", "-s", "-a", sock.toString());
        Matcher pid = Pattern.compile("SSH_AGENT_PID=([0-9]+)").matcher(agent.stdout());
        if (!agent.ok() || !pid.find()) {
            throw new IllegalStateException("ssh-agent did not start: " + agent.describe());
        }
        try {
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", sock.toString(), "ANSIBLE_CONFIG",
                    ansibleDir.resolve("ansible.cfg").toString(), "ANSIBLE_HOME", workDir.resolve("ansible-home").toString(),
                    "ANSIBLE_SSH_CONTROL_PATH_DIR", shortDir.resolve("cp").toString(), "ANSIBLE_NOCOLOR", "1",
                    "ANSIBLE_RETRY_FILES_ENABLED", "0");
            ProcessResult add = Processes.run(List.of("ssh-add", "-q", bed.sheet().adminKey().toString()), null,
                    Duration.ofSeconds(10), env);
            if (!add.ok()) {
                throw new IllegalStateException("ssh-add failed: " + add.describe());
            }
            return Processes.run(List.of(PLAYBOOK, "-i", "inventory.yml", "playbook.yml", "-e", "@" + vars), null, timeout,
                    env, ansibleDir);
        } finally {
            Processes.run(Duration.ofSeconds(10), "kill", pid.group(1));
            Files.deleteIfExists(vars);
            try (var walk = Files.walk(shortDir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
