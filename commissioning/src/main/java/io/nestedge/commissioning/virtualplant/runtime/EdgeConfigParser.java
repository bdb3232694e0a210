package io.nestedge.commissioning.virtualplant.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Parses config.toml with tomlj and fails the way {@code iotedge config apply} does (facts §3):
 * TOML syntax errors with line/column, a missing {@code [provisioning]}, bare paths where a
 * {@code file://} URI is needed, an {@code [edge_ca]} with only one of cert/pk, an unknown
 * provisioning source, DPS on a child. Messages follow the Rust {@code toml}/serde wording.
 */
public final class EdgeConfigParser {
    private EdgeConfigParser() {
    }

    /**
     * @param file device path (for messages)
     * @param source config.toml content
     * @param machineHostname the machine's own name (default for {@code hostname})
     * @return the parsed configuration
     * @throws ApplyException with the runtime's message
     */
    public static EdgeConfig parse(String file, String source, String machineHostname) throws ApplyException {
        TomlParseResult toml = Toml.parse(source);
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            String msg = e.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", "");
            throw new ApplyException(TomlErrorFormatter.format(file, source, e.position().line(),
                    e.position().column(), TomlErrorFormatter.tomljMessage(msg)));
        }
        Reader r = new Reader(file, source, toml);
        if (!toml.isTable("provisioning")) {
            throw r.error(TomlPosition.positionAt(1, 1), "missing field `provisioning`");
        }
        String hostname = r.string("hostname");
        String parent = r.string("parent_hostname");
        if (parent == null) {
            parent = r.string("local_gateway_hostname");
        }
        String trust = r.fileUri("trust_bundle_cert");
        String source0 = r.string("provisioning.source");
        if (source0 == null) {
            throw r.error(toml.inputPositionOf("provisioning"), "missing field `source`");
        }
        if (!List.of("manual", "dps", "none").contains(source0)) {
            throw r.error(toml.inputPositionOf("provisioning.source"),
                    "unknown variant `" + source0 + "`, expected one of `manual`, `dps`, `none`");
        }
        String hub = r.string("provisioning.iothub_hostname");
        String deviceId = r.string("provisioning.device_id");
        String conn = r.string("provisioning.connection_string");
        if (conn != null) {
            for (String part : conn.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).equals("HostName")) {
                    hub = part.substring(eq + 1);
                } else if (eq > 0 && part.substring(0, eq).equals("DeviceId")) {
                    deviceId = part.substring(eq + 1);
                }
            }
        }
        if (source0.equals("manual") && conn == null && (hub == null || deviceId == null)) {
            throw r.error(toml.inputPositionOf("provisioning"),
                    "data did not match any variant of untagged enum ManualAuthMethod");
        }
        String idCert = r.fileUri("provisioning.authentication.identity_cert");
        String idPk = r.fileUri("provisioning.authentication.identity_pk");
        String caCert = null;
        String caPk = null;
        if (toml.isTable("edge_ca")) {
            caCert = r.fileUri("edge_ca.cert");
            caPk = r.fileUri("edge_ca.pk");
            TomlTable ca = toml.getTable("edge_ca");
            boolean issued = ca.contains("method") || ca.contains("auto_generated_edge_ca_expiry_days");
            if (!issued && (caCert == null) != (caPk == null)) {
                throw r.error(toml.inputPositionOf("edge_ca"), "data did not match any variant of untagged enum EdgeCa");
            }
        }
        if (source0.equals("dps") && parent != null) {
            throw new ApplyException("DPS provisioning is not supported in nested mode");
        }
        String image = r.string("agent.config.image");
        if (image != null && parent != null) {
            image = image.replace("$upstream", parent);
        }
        List<String> est = new ArrayList<>();
        if (toml.isTable("cert_issuance.est.urls")) {
            TomlTable urls = toml.getTable("cert_issuance.est.urls");
            for (String k : urls.keySet()) {
                Object v = urls.get(List.of(k));
                if (v instanceof String s) {
                    est.add(s);
                }
            }
        }
        boolean explicit = hostname != null;
        return new EdgeConfig(explicit ? hostname : machineHostname, explicit, parent, trust, source0, hub, deviceId,
                idCert, idPk, caCert, caPk, image, est);
    }

    /** Typed reads with serde-like errors. */
    private record Reader(String file, String source, TomlParseResult toml) {
        String string(String dotted) throws ApplyException {
            try {
                return toml.getString(dotted);
            } catch (TomlInvalidTypeException e) {
                throw error(toml.inputPositionOf(dotted), "invalid type: " + toml.get(dotted).getClass().getSimpleName()
                        .toLowerCase(java.util.Locale.ROOT) + ", expected a string");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** A {@code file://} URI as a device path; a bare path fails like the url crate. */
        String fileUri(String dotted) throws ApplyException {
            String v = string(dotted);
            if (v == null) {
                return null;
            }
            TomlPosition pos = valuePosition(dotted);
            URI uri;
            try {
                uri = new URI(v);
            } catch (URISyntaxException e) {
                throw error(pos, "invalid URL: " + e.getReason());
            }
            if (uri.getScheme() == null) {
                throw error(pos, "relative URL without a base");
            }
            if (!uri.getScheme().equals("file")) {
                throw error(pos, "only file:// URIs are supported for " + dotted);
            }
            if (uri.getRawQuery() != null) {
                throw error(pos, "file URI " + v + " must not have query parameters");
            }
            return uri.getPath();
        }

        /** Position of the value (the crate points at the value, tomlj at the key). */
        TomlPosition valuePosition(String dotted) {
            TomlPosition key = toml.inputPositionOf(dotted);
            if (key == null) {
                return TomlPosition.positionAt(1, 1);
            }
            String[] lines = source.split("\n", -1);
            String line = key.line() <= lines.length ? lines[key.line() - 1] : "";
            int eq = line.indexOf('=', Math.max(0, key.column() - 1));
            if (eq < 0) {
                return key;
            }
            int col = eq + 1;
            while (col < line.length() && Character.isWhitespace(line.charAt(col))) {
                col++;
            }
            return TomlPosition.positionAt(key.line(), col + 1);
        }

        ApplyException error(TomlPosition pos, String message) {
            TomlPosition p = pos == null ? TomlPosition.positionAt(1, 1) : pos;
            return new ApplyException(TomlErrorFormatter.format(file, source, p.line(), p.column(), message));
        }
    }
}
