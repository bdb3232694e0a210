package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.PathEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field case F19 (facts §4): a folder on the way to a certificate or key lacks the execute bit for
 * the service user ({@code drw-r--r--}), so certd/keyd cannot reach the files. Seen in {@code namei
 * -l} listings, or as a "Permission denied" on {@code certs-read}/in certd's log.
 */
public final class FolderNotTraversableRule implements DiagnosisRule {
    private static final Pattern DENIED = Pattern.compile("Permission denied|os error 13", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        for (DeviceEvidence.PathObservation p : e.paths()) {
            List<PathEntry> entries = p.entries();
            for (int i = 0; i < entries.size() - 1; i++) {
                PathEntry d = entries.get(i);
                if (d.isDirectory() && !d.allows(p.serviceUser(), 'x')) {
                    hits.add(d.mode() + " " + d.owner() + " " + d.group() + " " + d.path()
                            + ": not traversable by " + p.serviceUser());
                }
            }
        }
        hits.addAll(Evidence.logLines(e, DeviceEvidence.LogSource.CERTD, DENIED));
        List<CheckEntry> failed = Evidence.failedChecks(e, DENIED).stream()
                .filter(c -> c.idStartsWith("certs-read") || c.idStartsWith("certs-preloaded")).toList();
        failed.forEach(c -> hits.addAll(c.details()));
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-CERT-FOLDER-NOT-TRAVERSABLE",
                "a certificate folder is not traversable by the service user",
                "Every parent directory of a certificate must be executable (traversable) for aziotcs, and of a key "
                        + "for aziotks; at least one is not, so certd/keyd cannot read the files.",
                "Create the folders with exact modes: /var/aziot/certs 755 owned by aziotcs (files 644), "
                        + "/var/aziot/secrets 700 owned by aziotks (keys 600), and check every parent directory with namei -l.",
                Remedy.FIX_CERT_FOLDER_MODES, "facts §4; field case F19", hits, Evidence.keys(failed)));
    }
}
