package io.nestedge.model.export;

import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Lints a user's existing {@code config.toml} (or the packaged template) for the mistakes that make
 * {@code iotedge config apply} fail, or silently misconfigure a nested device (facts §2, §3). Each
 * finding's {@code deviceId} is the linted file's name and its {@code field} the dotted key; the
 * message starts with the line and column.
 *
 * <p>Rule IDs: {@code NE-TOML-SYNTAX} (F4), {@code NE-TOML-TOP-LEVEL-KEY-IN-TABLE} (F5),
 * {@code NE-TOML-FILE-URI}, {@code NE-TOML-EDGE-CA-PAIR}, {@code NE-TOML-PROVISIONING-MISSING},
 * {@code NE-TOML-PROVISIONING-INCOMPLETE}, {@code NE-TOML-DPS-NESTED}, {@code NE-TOML-UPSTREAM-NO-PARENT},
 * {@code NE-TOML-UPSTREAM-PORT}, {@code NE-TOML-HOSTNAME-TYPE}, {@code NE-TOML-HOSTNAME-LENGTH},
 * {@code NE-TOML-HOSTNAME-RFC1035}, {@code NE-TOML-PARENT-SINGLE-LABEL} (F6), {@code NE-TOML-HOSTNAME-MIX},
 * {@code NE-TOML-PARENT-ALIAS} and {@code NE-TOML-PARENT-ALIAS-BOTH}.
 */
public final class ConfigLint {
    /** Keys that are only meaningful at the top level, before any table (facts §3). */
    public static final Set<String> TOP_LEVEL_KEYS = Set.of("hostname", "parent_hostname", "local_gateway_hostname",
            "trust_bundle_cert");
    /** Largest file accepted (config.toml files are a few kilobytes). */
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern UPSTREAM = Pattern.compile("\\$upstream(:(\\d{1,5}))?(/|$)");

    private ConfigLint() {
    }

    /**
     * Reads and lints a file.
     *
     * @param file the config.toml or template
     * @return findings in file order of the rules above, never null; empty when nothing is wrong
     * @throws InputException if the file cannot be read, is larger than {@link #MAX_BYTES}, or is not
     *     UTF-8 text
     */
    public static List<Finding> lint(Path file) throws InputException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(name, "", "is a directory, not a config.toml file.", "Give the path of the file.");
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                throw new InputException(name, "", "is larger than " + MAX_BYTES + " bytes; this is not a config.toml.",
                        "Give the path of /etc/aziot/config.toml or its template.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", "file not found.", "Check the path.");
        } catch (IOException e) {
            throw new InputException(name, "", "cannot read the file: " + e.getMessage(), "Check the path and permissions (sudo may be needed for /etc/aziot).");
        }
        return lint(decode(bytes, name), name);
    }

    /**
     * Lints TOML text.
     *
     * @param text file content
     * @param name file name used in findings
     * @return findings; syntax errors alone when the text does not parse
     */
    public static List<Finding> lint(String text, String name) {
        TomlParseResult parsed = Toml.parse(text);
        if (parsed.hasErrors()) {
            List<Finding> out = new ArrayList<>();
            for (TomlParseError e : parsed.errors()) {
                out.add(new Finding("NE-TOML-SYNTAX", Severity.ERROR, name, "", at(e.position()) + "TOML syntax error: "
                        + e.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", "") + ".",
                        "Correct the syntax at that position; keys and values are written key = \"value\" (with '=', not ':')."));
            }
            return out;
        }
        return lint(parsed, name);
    }

    /** Runs the rules on a parsed table (syntax already fine). */
    static List<Finding> lint(TomlTable t, String name) {
        Rules r = new Rules(t, name);
        r.misplacedTopLevelKeys();
        r.hostnames();
        r.fileUris();
        r.edgeCa();
        r.provisioning();
        r.upstream();
        return r.out;
    }

    private static String decode(byte[] bytes, String name) throws InputException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputException(name, "byte " + i, "contains a NUL byte; this is a binary file, not a config.toml.",
                        "Give the path of the text file /etc/aziot/config.toml.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "", "is not UTF-8 text (TOML files must be UTF-8).",
                    "Save the file as UTF-8.", e);
        }
    }

    static String at(TomlPosition p) {
        return p == null ? "" : "line " + p.line() + ", column " + p.column() + ": ";
    }

    /** The rule bodies; one instance per lint. */
    private static final class Rules {
        private final TomlTable t;
        private final String name;
        private final List<Finding> out = new ArrayList<>();

        Rules(TomlTable t, String name) {
            this.t = t;
            this.name = name;
        }

        private void add(String rule, Severity sev, List<String> path, String message, String fix) {
            String field = path == null ? "" : String.join(".", path);
            TomlPosition pos = path == null || path.isEmpty() ? null : t.inputPositionOf(path);
            out.add(new Finding(rule, sev, name, field, at(pos) + message, fix));
        }

        void misplacedTopLevelKeys() {
            for (List<String> path : t.keyPathSet(true)) {
                if (path.size() < 2 || !TOP_LEVEL_KEYS.contains(path.get(path.size() - 1))) {
                    continue;
                }
                if (path.size() >= 2 && path.get(0).equals("agent") && (path.get(1).equals("env") || path.contains("createOptions"))) {
                    continue; // free-form names: environment variables and Docker options
                }
                String key = path.get(path.size() - 1);
                String table = String.join(".", path.subList(0, path.size() - 1));
                add("NE-TOML-TOP-LEVEL-KEY-IN-TABLE", Severity.ERROR, path,
                        "'" + key + "' is written after [" + table + "], so TOML reads it as " + String.join(".", path)
                                + " and the runtime sees no top-level " + key + ".",
                        "Move the line '" + key + " = …' above the first [table] header, at the start of the file.");
            }
        }

        void hostnames() {
            String host = hostname("hostname");
            String parent = hostname("parent_hostname");
            String alias = hostname("local_gateway_hostname");
            if (parent != null && alias != null) {
                add("NE-TOML-PARENT-ALIAS-BOTH", Severity.ERROR, List.of("local_gateway_hostname"),
                        "both parent_hostname and its alias local_gateway_hostname are set; the runtime refuses a duplicate field.",
                        "Keep only parent_hostname.");
            } else if (alias != null) {
                add("NE-TOML-PARENT-ALIAS", Severity.INFO, List.of("local_gateway_hostname"),
                        "local_gateway_hostname is the older name of parent_hostname; it is accepted.",
                        "Rename it to parent_hostname.");
                parent = alias;
            }
            if (host != null && parent != null && !host.isEmpty() && !parent.isEmpty()
                    && HostnameSyntax.isIpLiteral(host) != HostnameSyntax.isIpLiteral(parent)) {
                add("NE-TOML-HOSTNAME-MIX", Severity.WARNING, List.of(alias != null && hostname("parent_hostname") == null
                                ? "local_gateway_hostname" : "parent_hostname"),
                        "hostname and parent hostname mix an IP address and a DNS name; TLS name checks between layers then fail.",
                        "Use IP addresses everywhere or DNS names everywhere in one hierarchy (facts §2).");
            }
        }

        private String hostname(String key) {
            if (!t.contains(List.of(key))) {
                return null;
            }
            List<String> path = List.of(key);
            if (!t.isString(path)) {
                add("NE-TOML-HOSTNAME-TYPE", Severity.ERROR, path, key + " must be a string.", "Write " + key + " = \"host.example.net\".");
                return null;
            }
            String v = t.getString(path);
            boolean parent = !key.equals("hostname");
            if (v.isEmpty()) {
                add("NE-TOML-HOSTNAME-TYPE", Severity.ERROR, path, key + " is empty.", "Set it to the device's DNS name or IP address.");
                return v;
            }
            if (v.length() > HostnameSyntax.MAX_LENGTH) {
                add("NE-TOML-HOSTNAME-LENGTH", Severity.ERROR, path, key + " '" + v + "' has " + v.length()
                                + " characters; a certificate CN holds at most 64.",
                        "Use a name of at most 64 characters (e.g. a shorter DNS alias, or the IP address).");
            }
            HostnameSyntax.rfc1035Problem(v).ifPresent(p -> add("NE-TOML-HOSTNAME-RFC1035", Severity.WARNING, path,
                    key + " '" + v + "' is not an RFC 1035 name: it " + p + "; the device's check warns.",
                    "Use a DNS name whose labels start with a letter, or an IP address."));
            if (parent && HostnameSyntax.isSingleLabel(v)) {
                add("NE-TOML-PARENT-SINGLE-LABEL", Severity.WARNING, path,
                        key + " '" + v + "' has a single label: Docker reads image names like '" + v
                                + "/azureiotedge-diagnostics:1.5' as a Docker Hub namespace, so pulls through the parent fail.",
                        "Use the parent's fully qualified name (with a dot) or its IP address.");
            }
            return v;
        }

        void fileUris() {
            for (List<String> path : List.of(List.of("trust_bundle_cert"), List.of("edge_ca", "cert"), List.of("edge_ca", "pk"),
                    List.of("provisioning", "authentication", "identity_cert"), List.of("provisioning", "authentication", "identity_pk"),
                    List.of("provisioning", "attestation", "identity_cert"), List.of("provisioning", "attestation", "identity_pk"))) {
                if (!t.contains(path)) {
                    continue;
                }
                String field = String.join(".", path);
                if (!t.isString(path)) {
                    add("NE-TOML-FILE-URI", Severity.ERROR, path, field + " must be a string file URI.",
                            "Write " + path.get(path.size() - 1) + " = \"file:///absolute/path.pem\".");
                    continue;
                }
                String v = t.getString(path);
                boolean key = path.get(path.size() - 1).endsWith("pk");
                if (key && v.startsWith("pkcs11:")) {
                    continue; // keys may live in an HSM
                }
                fileUriProblem(v).ifPresent(p -> add("NE-TOML-FILE-URI", Severity.ERROR, path, field + " '" + v + "' " + p,
                        v.startsWith("/") ? "Write \"file://" + v + "\"." : "Write an absolute file URI: \"file:///var/aziot/…\"."));
            }
        }

        void edgeCa() {
            if (!t.isTable("edge_ca")) {
                return;
            }
            TomlTable ca = t.getTable("edge_ca");
            boolean cert = ca.contains("cert");
            boolean pk = ca.contains("pk");
            if (cert != pk) {
                String missing = cert ? "pk" : "cert";
                add("NE-TOML-EDGE-CA-PAIR", Severity.ERROR, List.of("edge_ca", cert ? "cert" : "pk"),
                        "[edge_ca] has " + (cert ? "cert" : "pk") + " but no " + missing + "; the Edge CA needs both.",
                        "Add " + missing + " = \"file:///…\" to [edge_ca].");
            }
        }

        void provisioning() {
            if (!t.isTable("provisioning")) {
                add("NE-TOML-PROVISIONING-MISSING", Severity.ERROR, null,
                        "there is no [provisioning] table (the only required table); the device cannot get an identity.",
                        "Add [provisioning] with source = \"manual\" and the device's connection string or SAS key / X.509 identity.");
                return;
            }
            TomlTable p = t.getTable("provisioning");
            String source = p.isString("source") ? p.getString("source") : null;
            if (source == null || !Set.of("manual", "dps", "none").contains(source)) {
                add("NE-TOML-PROVISIONING-INCOMPLETE", Severity.ERROR, List.of("provisioning"),
                        "[provisioning] source must be \"manual\", \"dps\" or \"none\".", "Set source = \"manual\" for a nested device.");
                return;
            }
            boolean nested = t.contains(List.of("parent_hostname")) || t.contains(List.of("local_gateway_hostname"));
            if (source.equals("dps") && nested) {
                add("NE-TOML-DPS-NESTED", Severity.ERROR, List.of("provisioning", "source"),
                        "DPS provisioning together with a parent hostname: config apply refuses it (\"DPS provisioning is not supported in nested mode\").",
                        "Use source = \"manual\" with a connection string, or iothub_hostname + device_id + SAS key or X.509.");
            }
            if (source.equals("manual")) {
                manual(p);
            }
        }

        private void manual(TomlTable p) {
            if (p.contains("connection_string")) {
                return;
            }
            List<String> missing = new ArrayList<>();
            for (String k : List.of("iothub_hostname", "device_id")) {
                if (!p.isString(k)) {
                    missing.add(k);
                }
            }
            String method = p.isString("authentication.method") ? p.getString("authentication.method") : null;
            if (method == null) {
                missing.add("[provisioning.authentication] method");
            } else if (method.equals("sas")) {
                if (!p.contains("authentication.device_id_pk")) {
                    missing.add("authentication.device_id_pk");
                }
            } else if (method.equals("x509")) {
                for (String k : List.of("identity_cert", "identity_pk")) {
                    if (!p.contains(List.of("authentication", k))) {
                        missing.add("authentication." + k);
                    }
                }
            } else {
                missing.add("authentication.method \"sas\" or \"x509\" (found \"" + method + "\")");
            }
            if (!missing.isEmpty()) {
                add("NE-TOML-PROVISIONING-INCOMPLETE", Severity.ERROR, List.of("provisioning"),
                        "manual provisioning needs connection_string, or iothub_hostname + device_id + authentication; missing: "
                                + String.join(", ", missing) + ".",
                        "Add the missing keys (facts §3).");
            }
        }

        void upstream() {
            List<String> path = List.of("agent", "config", "image");
            if (!t.isString(path)) {
                return;
            }
            String image = t.getString(path);
            if (!image.contains("$upstream")) {
                return;
            }
            boolean nested = t.contains(List.of("parent_hostname")) || t.contains(List.of("local_gateway_hostname"));
            if (!nested) {
                add("NE-TOML-UPSTREAM-NO-PARENT", Severity.ERROR, path,
                        "image '" + image + "' uses $upstream, but this device has no parent_hostname (a top-layer device has no upstream).",
                        "Pull from the registry directly (e.g. mcr.microsoft.com/azureiotedge-agent:1.5), or set parent_hostname.");
            }
            Matcher m = UPSTREAM.matcher(image);
            boolean ok = image.startsWith("$upstream") && m.lookingAt() && m.group(2) != null
                    && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65535;
            if (!ok) {
                add("NE-TOML-UPSTREAM-PORT", Severity.ERROR, path,
                        "image '" + image + "': $upstream must start the image name and be followed by :<port> (the parent's API proxy port).",
                        "Write e.g. \"$upstream:443/azureiotedge-agent:1.5\".");
            }
        }
    }

    /** Why a value is not an absolute {@code file:///} URI without query or fragment, or empty. */
    static java.util.Optional<String> fileUriProblem(String v) {
        if (!v.startsWith("file://")) {
            return java.util.Optional.of(v.startsWith("/") ? "is a bare path; the runtime needs a file:// URI." : "is not a file:// URI.");
        }
        URI u;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a valid URI: " + e.getReason() + " (spaces and '%' must be percent-encoded).");
        }
        if (u.getRawQuery() != null) {
            return java.util.Optional.of("has query parameters ('?…'); file URIs must not have any.");
        }
        if (u.getRawFragment() != null) {
            return java.util.Optional.of("has a fragment ('#…'); file URIs must not have any.");
        }
        String host = u.getHost() == null ? u.getRawAuthority() : u.getHost();
        if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            return java.util.Optional.of("names host '" + host + "'; after file:// an absolute path must follow (three slashes: file:///…).");
        }
        if (u.getPath() == null || !u.getPath().startsWith("/") || u.getPath().length() < 2) {
            return java.util.Optional.of("has no absolute path.");
        }
        return java.util.Optional.empty();
    }
}
