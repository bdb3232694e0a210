package io.nestedge.commissioning.virtualplant.check;

import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfigParser;
import io.nestedge.commissioning.virtualplant.runtime.ApplyException;
import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import io.nestedge.commissioning.virtualplant.runtime.SuperConfigWriter;
import io.nestedge.commissioning.virtualplant.tls.PemFiles;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identity service's configuration checks ({@code aziotctl check}, facts §4, §6), evaluated
 * against the emulated device. Checks that need the network (package versions, NTP) are reported
 * as skipped, never as OK.
 */
final class IdentityChecks {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IdentityChecks() {
    }

    static boolean run(CheckContext c, CheckReport r) {
        r.section("Configuration checks (aziot-identity-service)");
        for (String svc : List.of("keyd", "certd", "tpmd", "identityd")) {
            CheckOutcome o = wellFormed(c, svc);
            r.add(svc + "-config-well-formed", svc + " configuration is well-formed", o);
            if (o.result() == CheckOutcome.Result.FATAL) {
                return false;
            }
        }
        boolean cfg = c.applied != null && r.outcome("identityd-config-well-formed").result() == CheckOutcome.Result.OK;
        r.add("configs-up-to-date", "daemon configurations up-to-date with config.toml", cfg ? upToDate(c) : CheckOutcome.skippedAfterFailure());
        r.add("hostname", "identityd config toml file specifies a valid hostname", cfg ? hostname(c) : CheckOutcome.skippedAfterFailure());
        r.add("aziot-version", "aziot-identity-service package is up-to-date",
                CheckOutcome.notEvaluable("emulation: the latest release cannot be looked up without network access"));
        r.add("host-local-time", "host time is close to reference time",
                CheckOutcome.notEvaluable("emulation: no NTP server is reachable"));
        r.add("certs-preloaded", "preloaded certificates are valid", cfg ? preloaded(c) : CheckOutcome.skippedAfterFailure());
        c.keydRunning = running(c, "keyd", r);
        c.certdRunning = running(c, "certd", r);
        running(c, "identityd", r);
        r.add("certs-read", "read all preloaded certificates from the Certificates Service",
                cfg && c.certdRunning ? certsRead(c) : CheckOutcome.skippedAfterFailure());
        r.add("key-pairs-read", "read all preloaded key pairs from the Keys Service",
                cfg && c.keydRunning ? keysRead(c) : CheckOutcome.skippedAfterFailure());
        r.add("est-server-https", "check all EST server URLs utilize HTTPS",
                cfg && c.certdRunning ? est(c) : CheckOutcome.skippedAfterFailure());
        r.add("certs-match-private-keys", "ensure all preloaded certificates match preloaded private keys with the same ID",
                cfg && c.certsReadOk && c.keysReadOk ? match(c) : CheckOutcome.skippedAfterFailure());
        return true;
    }

    private static CheckOutcome wellFormed(CheckContext c, String svc) {
        String p = SuperConfigWriter.path(svc);
        if (!"root".equals(c.user)) {
            return CheckOutcome.fatal("Could not open file " + p + ". You might need to run this command as root.",
                    "Permission denied (os error 13)");
        }
        if (!c.ctx.fs().exists(p)) {
            return CheckOutcome.error("could not read config file " + p, "No such file or directory (os error 2)");
        }
        try {
            var toml = org.tomlj.Toml.parse(c.ctx.fs().read(p));
            if (toml.hasErrors()) {
                return CheckOutcome.error("could not parse config file " + p, toml.errors().get(0).toString());
            }
        } catch (IOException e) {
            return CheckOutcome.error("could not read config file " + p, e.getMessage());
        }
        return CheckOutcome.ok();
    }

    private static CheckOutcome upToDate(CheckContext c) {
        try {
            if (!c.ctx.fs().exists(EdgeConfig.DEFAULT_PATH)) {
                return CheckOutcome.error("could not read " + EdgeConfig.DEFAULT_PATH, "No such file or directory (os error 2)");
            }
            EdgeConfig current = EdgeConfigParser.parse(EdgeConfig.DEFAULT_PATH, c.ctx.fs().read(EdgeConfig.DEFAULT_PATH),
                    c.ctx.machineHostname());
            Map<String, String> want = SuperConfigWriter.render(current);
            for (Map.Entry<String, String> e : want.entrySet()) {
                String p = SuperConfigWriter.path(e.getKey());
                if (!e.getKey().equals("edged") && (!c.ctx.fs().exists(p) || !c.ctx.fs().read(p).equals(e.getValue()))) {
                    return CheckOutcome.error("config.toml has been modified since 'iotedge config apply' last ran ("
                            + p + " differs).\nRun 'sudo iotedge config apply' to apply it.");
                }
            }
            return CheckOutcome.ok();
        } catch (ApplyException e) {
            return CheckOutcome.error("could not parse " + EdgeConfig.DEFAULT_PATH, e.getMessage());
        } catch (IOException e) {
            return CheckOutcome.error("could not read " + EdgeConfig.DEFAULT_PATH, e.getMessage());
        }
    }

    static CheckOutcome hostname(CheckContext c) {
        String h = c.applied.hostname();
        if (HostnameRules.isIpLiteral(h)) {
            return CheckOutcome.ok();
        }
        String m = c.ctx.machineHostname();
        if (!HostnameRules.matchesMachine(h, m)) {
            return CheckOutcome.error("identityd config has hostname " + h.toLowerCase(java.util.Locale.ROOT)
                    + " but device reports hostname " + m.toLowerCase(java.util.Locale.ROOT) + ".\n"
                    + "Hostname in identityd config must either be identical to the device hostname or be a"
                    + " fully-qualified domain name that has the device hostname as the first component.");
        }
        if (!HostnameRules.isRfc1035Valid(h)) {
            return CheckOutcome.warning("identityd config has hostname " + h + " which does not comply with RFC 1035.\n\n"
                    + "- Hostname must be between 1 and 255 octets inclusive.\n"
                    + "- Each label in the hostname (component separated by \".\") must be between 1 and 63 octets inclusive.\n"
                    + "- Each label must start with an ASCII alphabet character (a-z, A-Z), end with an ASCII alphanumeric"
                    + " character (a-z, A-Z, 0-9), and must contain only ASCII alphanumeric characters or hyphens"
                    + " (a-z, A-Z, 0-9, \"-\").\n\n"
                    + "Not complying with RFC 1035 may cause errors during the TLS handshake with modules and downstream devices.");
        }
        if (!HostnameRules.fitsCertificate(h)) {
            return CheckOutcome.warning("identityd config hostname " + h + " is too long to be used as a certificate issuer");
        }
        return CheckOutcome.ok();
    }

    private static CheckOutcome preloaded(CheckContext c) {
        Instant now = c.ctx.clock().instant();
        for (Map.Entry<String, String> e : c.applied.preloadedCerts().entrySet()) {
            String id = e.getKey();
            try {
                List<X509Certificate> certs = PemFiles.certs(c.ctx.fs().readBytes(e.getValue()));
                if (certs.isEmpty()) {
                    return CheckOutcome.error("preloaded cert with ID \"" + id + "\" could not be parsed",
                            e.getValue() + " contains no certificate");
                }
                X509Certificate first = certs.get(0);
                Instant nb = first.getNotBefore().toInstant();
                Instant na = first.getNotAfter().toInstant();
                if (now.isBefore(nb)) {
                    return CheckOutcome.error("preloaded cert with ID \"" + id + "\" is not yet valid",
                            "certificate becomes valid at " + TIME.format(nb));
                }
                if (now.isAfter(na)) {
                    return CheckOutcome.error("preloaded cert with ID \"" + id + "\" has expired",
                            "certificate expired at " + TIME.format(na));
                }
                if (now.plus(Duration.ofDays(7)).isAfter(na)) {
                    return CheckOutcome.warning("preloaded cert with ID \"" + id + "\" will expire soon",
                            "certificate expires at " + TIME.format(na));
                }
            } catch (IOException ex) {
                return CheckOutcome.error("could not read preloaded cert with ID \"" + id + "\" at " + e.getValue(),
                        ex instanceof java.nio.file.NoSuchFileException ? "No such file or directory (os error 2)" : ex.getMessage());
            }
        }
        return CheckOutcome.ok();
    }

    private static boolean running(CheckContext c, String daemon, CheckReport r) {
        boolean up = c.state.servicesRunning();
        r.add(daemon + "-running", daemon + " is running", up ? CheckOutcome.ok()
                : CheckOutcome.error("Could not connect to " + daemon,
                        "could not connect to unix:///run/aziot/" + daemon + ".sock: Connection refused (os error 111)"));
        return up;
    }

    private static CheckOutcome certsRead(CheckContext c) {
        List<String> errs = new ArrayList<>();
        for (Map.Entry<String, String> e : c.applied.preloadedCerts().entrySet()) {
            var why = c.ctx.fs().whyUnreadable("aziotcs", e.getValue());
            if (why.isPresent()) {
                errs.add("could not load cert with ID \"" + e.getKey() + "\": " + why.get());
                continue;
            }
            try {
                if (PemFiles.certs(c.ctx.fs().readBytes(e.getValue())).isEmpty()) {
                    errs.add("could not load cert with ID \"" + e.getKey() + "\": cert is empty");
                }
            } catch (IOException ex) {
                errs.add("could not load cert with ID \"" + e.getKey() + "\": " + ex.getMessage());
            }
        }
        c.certsReadOk = errs.isEmpty();
        return errs.isEmpty() ? CheckOutcome.ok() : CheckOutcome.error(String.join("\n", errs));
    }

    private static CheckOutcome keysRead(CheckContext c) {
        List<String> errs = new ArrayList<>();
        for (Map.Entry<String, String> e : c.applied.preloadedKeys().entrySet()) {
            String id = e.getKey();
            var why = c.ctx.fs().whyUnreadable("aziotks", e.getValue());
            if (why.isPresent()) {
                errs.add("could not load key pair with ID \"" + id + "\": " + why.get());
                continue;
            }
            try {
                PemFiles.KeyRead k = PemFiles.key(c.ctx.fs().readBytes(e.getValue()));
                if (k instanceof PemFiles.Encrypted enc) {
                    errs.add("could not load key pair with ID \"" + id + "\": the key is encrypted (" + enc.format()
                            + "); keyd needs an unencrypted key: bad decrypt");
                } else if (k instanceof PemFiles.NoKey) {
                    errs.add("could not load key pair with ID \"" + id + "\": no private key in " + e.getValue());
                }
            } catch (IOException ex) {
                errs.add("could not load key pair with ID \"" + id + "\": " + ex.getMessage());
            }
        }
        c.keysReadOk = errs.isEmpty();
        return errs.isEmpty() ? CheckOutcome.ok() : CheckOutcome.error(String.join("\n", errs));
    }

    private static CheckOutcome est(CheckContext c) {
        List<String> warn = new ArrayList<>();
        for (String url : c.applied.estUrls()) {
            if (!url.startsWith("https://")) {
                warn.add("EST server URL \"" + url + "\" is configured with unencrypted HTTP, which may expose device to"
                        + " man-in-the-middle attacks.");
                warn.add("To clear this warning, configure HTTPS for your EST server and update the URL.");
            }
        }
        return warn.isEmpty() ? CheckOutcome.ok() : CheckOutcome.warning(String.join("\n", warn));
    }

    private static CheckOutcome match(CheckContext c) {
        for (Map.Entry<String, String> e : c.applied.preloadedKeys().entrySet()) {
            String certPath = c.applied.preloadedCerts().get(e.getKey());
            if (certPath == null) {
                continue;
            }
            try {
                X509Certificate cert = PemFiles.certs(c.ctx.fs().readBytes(certPath)).get(0);
                PrivateKey key = ((PemFiles.Key) PemFiles.key(c.ctx.fs().readBytes(e.getValue()))).key();
                if (!PemFiles.matches(key, cert)) {
                    return CheckOutcome.error("certificate " + e.getKey() + " does not match its private key",
                            "the public key of the first certificate in " + certPath + " is not the public half of "
                                    + e.getValue());
                }
            } catch (IOException | RuntimeException ex) {
                return CheckOutcome.error("could not compare certificate " + e.getKey() + " with its private key",
                        String.valueOf(ex.getMessage()));
            }
        }
        return CheckOutcome.ok();
    }
}
