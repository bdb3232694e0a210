package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field case F10 (facts §4, §6): a {@code host-connect-iothub-*} check fails with "certificate verify
 * failed … unable to get local issuer certificate". When nested, those checks target the parent and
 * use the OS trust store, so the root CA is missing from it.
 */
public final class RootCaMissingRule implements DiagnosisRule {
    private static final Pattern VERIFY = Pattern.compile(
            "certificate verify failed.*(unable to get local issuer certificate|self[- ]signed certificate in certificate chain)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<CheckEntry> failed = Evidence.failedChecks(e, VERIFY).stream()
                .filter(c -> c.idStartsWith("host-connect-iothub")).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        List<String> lines = failed.stream().flatMap(c -> c.details().stream()).filter(d -> VERIFY.matcher(d).find()).toList();
        String target = e.parentHostname().map(p -> "the parent " + p).orElse("IoT Hub");
        return List.of(new Diagnosis("DIAG-ROOT-CA-NOT-IN-OS-STORE",
                "root CA missing from the OS trust store: TLS to " + target + " cannot be verified",
                "The host-connect checks verify " + target + " with the OS trust store, which does not hold the hierarchy's "
                        + "root CA (\"unable to get local issuer certificate\").",
                "Install the root CA with the OS's tool (Debian/Ubuntu: /usr/local/share/ca-certificates/<name>.crt + "
                        + "update-ca-certificates; EFLOW/CBL-Mariner/RHEL: /etc/pki/ca-trust/source/anchors/<name>.crt + "
                        + "update-ca-trust), restart the container engine, then run iotedge check again.",
                Remedy.INSTALL_ROOT_CA, "facts §4, §6; field case F10", lines, Evidence.keys(failed)));
    }
}
