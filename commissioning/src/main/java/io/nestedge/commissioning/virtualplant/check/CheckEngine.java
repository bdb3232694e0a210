package io.nestedge.commissioning.virtualplant.check;

import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the emulated {@code iotedge check}: the identity service's sections first, then aziot-edged's
 * (facts §6). A fatal result stops every later check, as on a device.
 */
public final class CheckEngine {
    private CheckEngine() {
    }

    /**
     * @param ctx the device
     * @param user effective user (non-root cannot read the daemon configs)
     * @return the report
     * @throws IOException when the device state cannot be read
     */
    public static CheckReport run(EmulatorContext ctx, String user) throws IOException {
        CheckContext c = new CheckContext(ctx, user);
        CheckReport r = new CheckReport();
        r.additionalInfo().putAll(additionalInfo(ctx));
        if (!IdentityChecks.run(c, r)) {
            return r;
        }
        EdgeChecks.identityConnectivity(c, r);
        if (!EdgeChecks.configuration(c, r)) {
            return r;
        }
        EdgeChecks.connectivity(r);
        return r;
    }

    private static Map<String, Object> additionalInfo(EmulatorContext ctx) throws IOException {
        EmulatorSettings s = ctx.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("docker_version", s.dockerVersion());
        m.put("aziot_edged_version", s.runtimeVersion());
        m.put("now", DateTimeFormatter.ISO_INSTANT.format(ctx.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        Map<String, Object> os = new LinkedHashMap<>();
        Map<String, String> rel = osRelease(ctx);
        os.put("id", rel.getOrDefault("ID", "linux"));
        os.put("version_id", rel.getOrDefault("VERSION_ID", ""));
        os.put("arch", "x86_64");
        os.put("bitness", 64);
        m.put("os", os);
        m.put("emulated", true);
        return m;
    }

    private static Map<String, String> osRelease(EmulatorContext ctx) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (ctx.fs().exists("/etc/os-release")) {
            for (String line : ctx.fs().read("/etc/os-release").split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
                }
            }
        }
        return m;
    }
}
