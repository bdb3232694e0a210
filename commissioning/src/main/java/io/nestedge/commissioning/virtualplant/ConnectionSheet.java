package io.nestedge.commissioning.virtualplant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nestedge.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to reach each device of a running virtual plant: device, hostname, address, port, user, host
 * key fingerprint, sudo password, and the parent to jump through (empty on the top layer).
 *
 * @param plant plant name
 * @param entries one per device, in plant order
 */
public record ConnectionSheet(String plant, List<Entry> entries) {

    /** One device's connection data. */
    public record Entry(String device, String hostname, String address, int port, String user,
            String hostKeySha256, String sudoPassword, String via, Map<String, Integer> edgeHubPorts) {
        /** Everything but the sudo password (only {@link #toText} and {@link #toJson} show it, on purpose). */
        @Override
        public String toString() {
            return "Entry[" + device + ", " + user + "@" + address + ":" + port + ", host key " + hostKeySha256
                    + (via.isEmpty() ? "" : ", via " + via) + "]";
        }
    }

    /** Human-readable table (the rehearse command prints it). */
    public String toText() {
        StringBuilder b = new StringBuilder("Virtual plant \"" + plant + "\" (" + entries.size() + " devices)\n");
        String fmt = "%-22s %-36s %-10s %6s %-10s %-52s %-18s %s%n";
        b.append(String.format(fmt, "DEVICE", "HOSTNAME", "ADDRESS", "PORT", "USER", "HOST KEY", "SUDO PASSWORD", "VIA"));
        for (Entry e : entries) {
            b.append(String.format(fmt, e.device(), e.hostname(), e.address(), e.port(), e.user(), e.hostKeySha256(),
                    e.sudoPassword(), e.via().isEmpty() ? "-" : e.via()));
        }
        return b.toString();
    }

    /** The sheet as JSON. */
    public String toJson() throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("plant", plant);
        doc.put("devices", entries);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    }

    /** Writes the JSON sheet atomically with mode 0600 (it holds the rehearsal's sudo passwords). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson().getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
    }
}
