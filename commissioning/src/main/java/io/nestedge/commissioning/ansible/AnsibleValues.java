package io.nestedge.commissioning.ansible;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the plant and bundle values the Ansible export writes into files that other programs
 * interpret, before anything is written. {@code ssh_config} is read by OpenSSH, which has no quoting
 * for these keywords: a value with a line break or a space would add a directive of its own (a
 * {@code ProxyCommand} runs a command on the laptop), and {@code * ? ! ,} in a {@code Host} alias are
 * patterns that would match, and reroute, other hosts. Every string in the inventory, host_vars and
 * playbook is templated by Ansible's Jinja2: {@code {{ lookup('pipe', …) }}} would run a command on
 * the laptop too, so the delimiters {@code {{ {% {#} are refused (no plant value needs them).
 */
final class AnsibleValues {
    /** Host aliases (device IDs): also used in ProxyJump, where '@' and ':' mean user and port. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._+=-]+");
    /** HostName: DNS names, IPv4 and (unbracketed) IPv6 literals. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._:-]+");
    /** User: POSIX-style login names ('%' would be an ssh_config token). */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*\\$?");
    private static final List<String> JINJA = List.of("{{", "{%", "{#");

    private AnsibleValues() {
    }

    /** The HostName ssh_config gives a device: its SSH address, or its hostname when it has none. */
    static String hostName(Device d) {
        return d.ssh().address().isEmpty() ? d.hostname() : d.ssh().address();
    }

    /**
     * @param plant the plant
     * @param devices the devices that get a {@code Host} entry
     * @throws InputException naming the device and field of the first value OpenSSH would read as more
     *     than the one word it is meant to be
     */
    static void checkSshConfig(Plant plant, List<Device> devices) throws InputException {
        for (Device d : devices) {
            if (!ALIAS.matcher(d.id()).matches()) {
                throw refused(plant, d, "id", "device ID '" + printable(d.id()) + "'",
                        "only letters, digits and . _ + = - can be an ssh_config Host alias ('*', '?', '!' and ',' are patterns there,"
                                + " '@' and ':' mean user and port in ProxyJump)",
                        "Rename the device, or commission it with 'nestedge commission', which does not use ssh_config.");
            }
            if (!HOST_NAME.matcher(hostName(d)).matches()) {
                throw refused(plant, d, "ssh.address", "SSH address '" + printable(hostName(d)) + "'",
                        "an SSH address is one DNS name or IP address (letters, digits, '.', '-', ':'); anything else would "
                                + "add its own lines to ssh_config",
                        "Correct the device's SSH address (or its hostname when the address is empty).");
            }
            if (!d.ssh().user().isEmpty() && !USER.matcher(d.ssh().user()).matches()) {
                throw refused(plant, d, "ssh.user", "SSH user '" + printable(d.ssh().user()) + "'",
                        "a login name is letters, digits, '.', '_' and '-' (not first); anything else would add its own lines to "
                                + "ssh_config",
                        "Correct the device's SSH user.");
            }
        }
    }

    /**
     * @param where the device ID (host_vars) or the file the value goes to
     * @param value a map, list or scalar tree as it is written to YAML
     * @throws InputException when a string holds a Jinja2 delimiter
     */
    static void checkNoJinja(String where, Object value) throws InputException {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                checkNoJinja(where, e.getKey());
                checkNoJinja(where, e.getValue());
            }
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                checkNoJinja(where, o);
            }
        } else if (value instanceof String s) {
            for (String j : JINJA) {
                int at = s.indexOf(j);
                if (at >= 0) {
                    String around = s.substring(Math.max(0, at - 20), Math.min(s.length(), at + 40));
                    throw new InputException(where, "", "the Ansible export would carry '" + printable(around)
                            + "': Ansible evaluates " + j + " as a Jinja2 template, which can run commands on this laptop.",
                            "Remove '" + j + "' from the plant or the bundle (export the plant again), then export for Ansible again.");
                }
            }
        }
    }

    private static InputException refused(Plant plant, Device d, String field, String what, String why, String fix) {
        return new InputException("plant '" + plant.name() + "'", "device " + d.id() + " /" + field,
                "the " + what + " cannot go into the Ansible ssh_config: " + why + ".", fix);
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
