package io.nestedge.commissioning.virtualplant.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated device's container-engine configuration, {@code /etc/docker/daemon.json}, as the two
 * programs that read it see it: {@code iotedge check} ({@code container-engine-dns},
 * {@code container-engine-logrotate}, facts §6) and dockerd, which refuses to start on a file it cannot
 * use (so {@code systemctl restart docker} fails, as systemd reports it).
 */
public final class DaemonJsonFile {
    /** The file. */
    public static final String PATH = "/etc/docker/daemon.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private DaemonJsonFile() {
    }

    /**
     * What is in the file.
     *
     * @param exists whether the file exists
     * @param json its content, or null when missing or unparsable
     * @param parseError why it does not parse as JSON (serde's/Go's position and reason), or null
     */
    public record Content(boolean exists, JsonNode json, String parseError) { }

    /** Reads the file of a device. */
    public static Content read(DeviceFs fs) {
        if (!fs.exists(PATH)) {
            return new Content(false, null, null);
        }
        try {
            String text = fs.read(PATH);
            return new Content(true, JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Content(true, null, e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return new Content(true, null, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Why dockerd would refuse to start with this file, if it would: not a JSON object, {@code dns}
     * not a list of IP addresses, {@code log-driver} not a string, {@code log-opts} not an object of
     * strings.
     *
     * @param c the file's content
     * @return dockerd's reason, or empty when it starts
     */
    public static Optional<String> engineRefusal(Content c) {
        if (!c.exists()) {
            return Optional.empty();
        }
        String prefix = "unable to configure the Docker daemon with file " + PATH + ": ";
        if (c.json() == null) {
            return Optional.of(prefix + c.parseError());
        }
        if (!c.json().isObject()) {
            return Optional.of(prefix + "json: cannot unmarshal " + c.json().getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " into Go value of type map[string]interface {}");
        }
        JsonNode dns = c.json().get("dns");
        if (dns != null) {
            if (!dns.isArray()) {
                return Optional.of(prefix + "json: cannot unmarshal dns into []string");
            }
            for (JsonNode d : dns) {
                if (!d.isTextual() || !isIp(d.textValue())) {
                    return Optional.of(prefix + d.asText() + " is not an ip address");
                }
            }
        }
        JsonNode driver = c.json().get("log-driver");
        if (driver != null && !driver.isTextual()) {
            return Optional.of(prefix + "json: cannot unmarshal log-driver into string");
        }
        JsonNode opts = c.json().get("log-opts");
        if (opts != null) {
            if (!opts.isObject()) {
                return Optional.of(prefix + "json: cannot unmarshal log-opts into map[string]string");
            }
            for (Map.Entry<String, JsonNode> e : opts.properties()) {
                if (!e.getValue().isTextual()) {
                    return Optional.of(prefix + "json: cannot unmarshal " + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + " into Go struct field LogConfig.log-opts of type string");
                }
            }
        }
        return Optional.empty();
    }

    /** True for an IPv4/IPv6 literal (never a name look-up). */
    static boolean isIp(String s) {
        return org.bouncycastle.util.IPAddress.isValid(s);
    }
}
