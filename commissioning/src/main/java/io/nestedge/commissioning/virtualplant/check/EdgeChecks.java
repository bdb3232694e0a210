package io.nestedge.commissioning.virtualplant.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.nestedge.commissioning.virtualplant.runtime.ApplyException;
import io.nestedge.commissioning.virtualplant.runtime.DaemonJsonFile;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfigParser;
import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import io.nestedge.commissioning.virtualplant.runtime.SuperConfigWriter;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connectivity checks of the identity service and aziot-edged's own checks ({@code iotedge
 * check}, facts §6). Container-side checks (the diagnostics image, module networks, storage mounts)
 * are not emulated and are reported as skipped.
 */
final class EdgeChecks {
    private static final String NO_CONTAINERS = "emulation: module containers and the diagnostics image are not emulated";
    private static final Pattern VERSION = Pattern.compile(":(\\d+)\\.(\\d+)");

    private EdgeChecks() {
    }

    static void identityConnectivity(CheckContext c, CheckReport r) {
        r.section("Connectivity checks (aziot-identity-service)");
        String[][] ports = {{"amqp", "AMQP", "5671"}, {"https", "HTTPS / WebSockets", "443"}, {"mqtt", "MQTT", "8883"}};
        for (String[] p : ports) {
            CheckOutcome o;
            if (c.applied == null) {
                o = CheckOutcome.skippedAfterFailure();
            } else if (c.applied.nested()) {
                o = UpstreamTlsCheck.run(c, c.applied.parentHostname(), Integer.parseInt(p[2]));
            } else {
                o = CheckOutcome.notEvaluable("emulation: IoT Hub is not reachable from an emulated top-layer device");
            }
            r.add("host-connect-iothub-" + p[0], "host can connect to and perform TLS handshake with iothub " + p[1]
                    + " port", o);
        }
        if (c.applied != null && c.applied.provisioningSource().equals("dps")) {
            r.add("host-connect-dps-endpoint", "host can connect to and perform TLS handshake with DPS endpoint",
                    CheckOutcome.notEvaluable("emulation: DPS is not reachable from an emulated device"));
        }
    }

    static boolean configuration(CheckContext c, CheckReport r) {
        r.section("Configuration checks");
        CheckOutcome wf = edgedWellFormed(c);
        r.add("aziot-edged-config-well-formed", "aziot-edged configuration is well-formed", wf);
        if (wf.result() == CheckOutcome.Result.FATAL) {
            return false;
        }
        boolean ok = c.edgedConfigOk;
        EdgeConfig a = c.applied;
        r.add("config-up-to-date", "configuration up-to-date with config.toml", ok ? upToDate(c) : CheckOutcome.skippedAfterFailure());
        r.add("container-engine-uri", "container engine is installed and functional", CheckOutcome.ok());
        r.add("parent_hostname", "configuration has correct parent_hostname",
                !ok ? CheckOutcome.skippedAfterFailure() : a.nested() ? parentHostname(a.parentHostname()) : CheckOutcome.ignored());
        r.add("container-resolve-parent-hostname", "parent hostname is resolvable from inside container",
                !ok ? CheckOutcome.skippedAfterFailure() : a.nested() ? resolveParent(c, a.parentHostname()) : CheckOutcome.ignored());
        r.add("connect-management-uri", "configuration has correct URIs for daemon mgmt endpoint",
                CheckOutcome.notEvaluable("emulation: the management socket is not emulated"));
        r.add("aziot-edge-version", "aziot-edge package is up-to-date",
                CheckOutcome.notEvaluable("emulation: the latest release cannot be looked up without network access"));
        r.add("container-local-time", "container time is close to host time", CheckOutcome.notEvaluable(NO_CONTAINERS));
        DaemonJsonFile.Content daemon = DaemonJsonFile.read(c.ctx.fs());
        r.add("container-engine-dns", "DNS server", dns(daemon));
        r.add("container-engine-logrotate", "production readiness: logs policy", logPolicy(daemon));
        r.add("edge-agent-storage-mounted-from-host",
                "production readiness: Edge Agent's storage directory is persisted on the host filesystem",
                CheckOutcome.notEvaluable(NO_CONTAINERS));
        r.add("edge-hub-storage-mounted-from-host",
                "production readiness: Edge Hub's storage directory is persisted on the host filesystem",
                CheckOutcome.notEvaluable(NO_CONTAINERS));
        r.add("check-agent-image", "Agent image is valid and can be pulled from upstream",
                !ok ? CheckOutcome.skippedAfterFailure() : agentImage(a));
        r.add("proxy-settings", "proxy settings are consistent in aziot-edged, aziot-identityd, moby daemon and config.toml",
                CheckOutcome.notEvaluable("emulation: proxy settings are not emulated"));
        return true;
    }

    static void connectivity(CheckReport r) {
        r.section("Connectivity checks");
        String[][] ports = {{"amqp", "AMQP"}, {"https", "HTTPS / WebSockets"}, {"mqtt", "MQTT"}};
        for (String[] p : ports) {
            r.add("container-default-connect-upstream-" + p[0], "container on the default network can connect to upstream "
                    + p[1] + " port", CheckOutcome.notEvaluable(NO_CONTAINERS));
        }
        for (String[] p : ports) {
            r.add("container-connect-upstream-" + p[0], "container on the IoT Edge module network can connect to upstream "
                    + p[1] + " port", CheckOutcome.notEvaluable(NO_CONTAINERS));
        }
    }

    private static CheckOutcome edgedWellFormed(CheckContext c) {
        String p = SuperConfigWriter.path("edged");
        if (!"root".equals(c.user)) {
            return CheckOutcome.fatal("Could not open file " + p + ". You might need to run this command as root.",
                    "Permission denied (os error 13)");
        }
        if (!c.ctx.fs().exists(p) || c.applied == null) {
            return CheckOutcome.error("The IoT Edge daemon's configuration file " + p + " is not well-formed.",
                    "No such file or directory (os error 2)");
        }
        c.edgedConfigOk = true;
        return CheckOutcome.ok();
    }

    private static CheckOutcome upToDate(CheckContext c) {
        try {
            EdgeConfig current = EdgeConfigParser.parse(EdgeConfig.DEFAULT_PATH, c.ctx.fs().read(EdgeConfig.DEFAULT_PATH),
                    c.ctx.machineHostname());
            String want = SuperConfigWriter.render(current).get("edged");
            if (!want.equals(c.ctx.fs().read(SuperConfigWriter.path("edged")))) {
                return CheckOutcome.error("config.toml has been modified since 'iotedge config apply' last ran.\n"
                        + "Run 'sudo iotedge config apply' to apply it.");
            }
            return CheckOutcome.ok();
        } catch (ApplyException e) {
            return CheckOutcome.error("could not parse " + EdgeConfig.DEFAULT_PATH, e.getMessage());
        } catch (IOException e) {
            return CheckOutcome.error("could not read " + EdgeConfig.DEFAULT_PATH, String.valueOf(e.getMessage()));
        }
    }

    static CheckOutcome parentHostname(String parent) {
        if (HostnameRules.isIpLiteral(parent)) {
            return CheckOutcome.ok();
        }
        if (!HostnameRules.fitsCertificate(parent)) {
            return CheckOutcome.error("configuration parent_hostname " + parent + " is too long to be used as a"
                    + " certificate issuer (more than " + HostnameRules.MAX_LENGTH + " characters)");
        }
        if (!HostnameRules.isRfc1035Valid(parent)) {
            return CheckOutcome.warning("configuration has parent_hostname " + parent + " which does not comply with"
                    + " RFC 1035.\n\n- Each label must start with an ASCII alphabet character (a-z, A-Z), end with an ASCII"
                    + " alphanumeric character (a-z, A-Z, 0-9), and must contain only ASCII alphanumeric characters or"
                    + " hyphens (a-z, A-Z, 0-9, \"-\").\n\nNot complying with RFC 1035 may cause errors during the TLS"
                    + " handshake with modules and downstream devices.");
        }
        return CheckOutcome.ok();
    }

    private static CheckOutcome resolveParent(CheckContext c, String parent) {
        return c.ctx.resolver().resolve(parent, 443).isPresent() ? CheckOutcome.ok()
                : CheckOutcome.error("parent hostname " + parent + " could not be resolved",
                        "failed to lookup address information: Name or service not known");
    }

    private static final String DNS_MESSAGE = "Container engine is not configured with DNS server setting, which may impact"
            + " connectivity to IoT Hub.\nPlease see https://aka.ms/iotedge-prod-checklist-dns for best practices.\n"
            + "You can ignore this warning if you are setting DNS server per module in the Edge deployment.";
    private static final String LOGS_MESSAGE = "Container engine is not configured to rotate module logs"
            + " which may cause it run out of disk space.\nPlease see https://aka.ms/iotedge-prod-checklist-logs for"
            + " best practices.\nYou can ignore this warning if you are setting log policy per module in the Edge deployment.";

    private static String cannotParse() {
        return "Could not parse container engine config file " + DaemonJsonFile.PATH;
    }

    /**
     * {@code container-engine-dns}, as the runtime reads it: a missing file is a warning, a file that does
     * not parse into {@code {"dns": [string…]}} an error, a missing or empty list a warning.
     */
    private static CheckOutcome dns(DaemonJsonFile.Content d) {
        if (!d.exists()) {
            return CheckOutcome.warning(DNS_MESSAGE, "Could not open container engine config file " + DaemonJsonFile.PATH);
        }
        if (d.json() == null || !d.json().isObject()) {
            return CheckOutcome.error(DNS_MESSAGE, cannotParse(), d.json() == null ? d.parseError() : "invalid type: expected a map");
        }
        JsonNode dns = d.json().get("dns");
        if (dns != null && !dns.isNull() && (!dns.isArray() || !allText(dns))) {
            return CheckOutcome.error(DNS_MESSAGE, cannotParse(), "invalid type: expected a sequence of strings for key `dns`");
        }
        if (dns == null || dns.isNull() || dns.isEmpty()) {
            return CheckOutcome.warning(DNS_MESSAGE, dns == null || dns.isNull() ? "no \"dns\" entry" : "the \"dns\" list is empty");
        }
        return CheckOutcome.ok();
    }

    /**
     * {@code container-engine-logrotate}, as the runtime reads it: {@code log-driver} and {@code log-opts}
     * with both {@code max-file} and {@code max-size}, all strings; a missing file or key is a warning,
     * a value of another type an error (the file does not parse).
     */
    private static CheckOutcome logPolicy(DaemonJsonFile.Content d) {
        if (!d.exists()) {
            return CheckOutcome.warning(LOGS_MESSAGE, "Could not open container engine config file " + DaemonJsonFile.PATH);
        }
        if (d.json() == null || !d.json().isObject()) {
            return CheckOutcome.error(LOGS_MESSAGE, cannotParse(), d.json() == null ? d.parseError() : "invalid type: expected a map");
        }
        JsonNode driver = d.json().get("log-driver");
        JsonNode opts = d.json().get("log-opts");
        if (driver != null && !driver.isNull() && !driver.isTextual()
                || opts != null && !opts.isNull() && (!opts.isObject() || !textOrNull(opts.get("max-file")) || !textOrNull(opts.get("max-size")))) {
            return CheckOutcome.error(LOGS_MESSAGE, cannotParse(), "invalid type: expected a string for log-driver, log-opts.max-file, "
                    + "log-opts.max-size");
        }
        boolean ok = driver != null && !driver.isNull() && opts != null && !opts.isNull()
                && opts.hasNonNull("max-file") && opts.hasNonNull("max-size");
        return ok ? CheckOutcome.ok() : CheckOutcome.warning(LOGS_MESSAGE);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean textOrNull(JsonNode n) {
        return n == null || n.isNull() || n.isTextual();
    }

    private static CheckOutcome agentImage(EdgeConfig a) {
        if (!a.nested()) {
            return CheckOutcome.ignored();
        }
        Matcher m = VERSION.matcher(a.agentImage().substring(Math.max(0, a.agentImage().lastIndexOf('/'))));
        if (m.find()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major < 1 || (major == 1 && minor < 2)) {
                return CheckOutcome.error("In nested Edge, edgeAgent version need to be 1.2 or above");
            }
        }
        return CheckOutcome.notEvaluable("emulation: image pulls through the parent are not emulated");
    }
}
