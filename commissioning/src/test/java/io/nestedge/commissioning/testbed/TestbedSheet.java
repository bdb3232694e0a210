package io.nestedge.commissioning.testbed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The machine-readable sheet {@code testbed.sh up} prints and writes to {@code STATE_DIR/sheet.json}
 * (shape documented in docs/testbed.md).
 *
 * @param schemaVersion sheet format version (1)
 * @param instance bed instance number N; the bed owns subnet 10.77.N.0/24
 * @param subnet the bed's private /24
 * @param stateDir absolute state directory
 * @param knownHosts OpenSSH known_hosts file holding every device's host key
 * @param sshConfig OpenSSH client config (identity, known_hosts, strict checking; one alias per device)
 * @param adminKey private key (0600) of the admin user on every device
 * @param emulator the IoT Edge emulator the devices' {@code iotedge}/{@code docker} launchers run
 * @param devices one entry per plant device, parents before children
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestbedSheet(int schemaVersion, int instance, String subnet, Path stateDir, Path knownHosts,
        Path sshConfig, Path adminKey, Emulator emulator, List<Device> devices) {

    /**
     * Reads a sheet file.
     *
     * @param file the sheet.json
     * @return the parsed sheet
     * @throws IOException if the file cannot be read or is not a sheet
     */
    public static TestbedSheet read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), TestbedSheet.class);
    }

    /**
     * @param id plant device ID
     * @return that device's entry
     * @throws NoSuchElementException if the bed has no such device
     */
    public Device device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("test bed has no device " + id));
    }

    /** @return the top-layer devices (no parent), in sheet order */
    public List<Device> topLayer() {
        return devices.stream().filter(d -> d.parentId().isEmpty()).toList();
    }

    /**
     * @param parentId a device ID
     * @return its children, in sheet order
     */
    public List<Device> childrenOf(String parentId) {
        return devices.stream().filter(d -> d.parentId().equals(parentId)).toList();
    }

    /**
     * The emulator contract baked into the launchers.
     *
     * @param mainClass {@code io.nestedge.commissioning.virtualplant.EmulatorMain}
     * @param classpath the classpath given as NESTEDGE_CP (empty: launchers exit 127 with a message)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Emulator(String mainClass, String classpath) {
    }

    /**
     * One emulated device.
     *
     * @param id plant device ID
     * @param hostname the plant hostname (FQDN), resolvable by the parent and children via /etc/hosts
     * @param machineHostname the device's UTS host name (first label of {@code hostname})
     * @param kind plant device kind (IOT_EDGE or LEAF)
     * @param parentId parent device ID, empty for the top layer
     * @param reach SSH reachability from the plant file (DIRECT / VIA_PARENT)
     * @param namespace network namespace name ({@code ip netns})
     * @param addresses the device's addresses: its uplink first, then one per child link
     * @param sshAddress the address the parent (or, for the top layer, the host) connects to
     * @param sshPort sshd port
     * @param user admin user (key login, sudo with password)
     * @param keyPath the admin user's private key on the host
     * @param hostKeyAlgorithm host key type, {@code ssh-ed25519}
     * @param hostKeyFingerprint host key fingerprint, OpenSSH style {@code SHA256:<base64, no padding>}
     * @param hostKeyPath the public host key file
     * @param sudoPasswordFile file (0600) holding this device's sudo password
     * @param sshdPid PID of the device's sshd (its process is the device's mount/UTS/net view)
     * @param launcherDir host path of the device's private {@code /usr/local/bin}
     * @param privateRoot host path holding the device's private directories
     * @param emulatorDaemonPid PID of the emulator daemon serving this device view's launchers, or null
     *     when none listens (daemons off: every emulated command starts a JVM)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(String id, String hostname, String machineHostname, String kind, String parentId,
            String reach, String namespace, List<Address> addresses, String sshAddress, int sshPort, String user,
            Path keyPath, String hostKeyAlgorithm, String hostKeyFingerprint, Path hostKeyPath,
            Path sudoPasswordFile, long sshdPid, Path launcherDir, Path privateRoot, Long emulatorDaemonPid) {

        /** @return {@code user@sshAddress} */
        public String loginAtAddress() {
            return user + "@" + sshAddress;
        }

        /** @return {@code user@hostname} */
        public String loginAtHostname() {
            return user + "@" + hostname;
        }

        /**
         * @param peerDevice a neighbour's device ID, or {@code host}
         * @return this device's address on the link shared with that neighbour
         * @throws NoSuchElementException if they share no link
         */
        public String addressTowards(String peerDevice) {
            return addresses.stream().filter(a -> a.peerDevice().equals(peerDevice)).map(Address::address)
                    .findFirst().orElseThrow(() -> new NoSuchElementException(id + " has no link to " + peerDevice));
        }
    }

    /**
     * One address of a device.
     *
     * @param address IPv4 address
     * @param prefixLength prefix length (30: one /30 per parent-child link)
     * @param link {@code uplink} (towards parent or host) or {@code downlink} (towards a child)
     * @param peer the other end's address on this link
     * @param peerDevice the other end's device ID, or {@code host}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String address, int prefixLength, String link, String peer, String peerDevice) {
    }
}
