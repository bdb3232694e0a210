package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.PathEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field case F20 (facts §4): a private key file that {@code aziotks} cannot read (owned by root, mode
 * 600): keyd logs "Permission denied (os error 13)".
 */
public final class KeyPermissionRule implements DiagnosisRule {
    private static final Pattern DENIED = Pattern.compile("Permission denied \\(os error 13\\)", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>(Evidence.logLines(e, DeviceEvidence.LogSource.KEYD, DENIED));
        List<CheckEntry> failed = Evidence.failedChecks(e, DENIED).stream()
                .filter(c -> c.idStartsWith("key-pairs-read") || c.idStartsWith("certs-match-private-keys")).toList();
        failed.forEach(c -> hits.addAll(c.details()));
        for (DeviceEvidence.PathObservation p : e.paths()) {
            if (!"aziotks".equals(p.serviceUser()) || p.entries().isEmpty()) {
                continue;
            }
            PathEntry key = p.entries().get(p.entries().size() - 1);
            if (!key.isDirectory() && !key.allows("aziotks", 'r')) {
                hits.add(key.mode() + " " + key.owner() + " " + key.group() + " " + key.path() + ": not readable by aziotks");
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-KEY-NOT-READABLE-BY-KEYD",
                "keyd cannot read a private key (Permission denied, os error 13)",
                "A private key file is not readable by aziotks (e.g. owned by root with mode 600), so keyd cannot load it.",
                "chown aziotks:aziotks and chmod 600 every key file (folder /var/aziot/secrets 700 aziotks), then "
                        + "restart the identity service (iotedge system restart) and verify the modes again.",
                Remedy.FIX_KEY_OWNERSHIP, "facts §4; field case F20", hits, Evidence.keys(failed)));
    }
}
