package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field case F7 (facts §6): on a child, {@code iotedge check} pulls
 * {@code <parent>/azureiotedge-diagnostics:<version>} through the parent; "Unable to find image" there
 * is a registry/API proxy route problem on the parent chain, not a network fault. Single-label
 * parents (F6), 502 (F9) and trust failures are left to their own rules.
 */
public final class DiagnosticsImageRouteRule implements DiagnosisRule {
    private static final Pattern UNABLE = Pattern.compile(
            "Unable to find image '([^'/\\s]+)/azureiotedge-diagnostics:([^'\\s]+)'");
    private static final Pattern OTHER_CAUSE = Pattern.compile(
            "502 Bad Gateway|x509: certificate signed by unknown authority|" + SingleLabelParentRule.DENIED.pattern(),
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        String registry = null;
        String version = null;
        for (String line : e.allTextLines()) {
            Matcher m = UNABLE.matcher(line);
            if (m.find() && !Evidence.singleLabel(m.group(1))) {
                hits.add(line);
                registry = m.group(1);
                version = m.group(2);
            }
        }
        if (hits.isEmpty() || !Evidence.lines(e, OTHER_CAUSE).isEmpty()) {
            return List.of();
        }
        List<CheckEntry> explained = new ArrayList<>(Evidence.failedChecks(e, UNABLE));
        e.check().ifPresent(r -> r.failures().stream()
                .filter(c -> c.idStartsWith("container-connect-upstream") || c.idStartsWith("container-default-connect-upstream"))
                .filter(c -> !explained.contains(c)).forEach(explained::add));
        String proxy = e.parentApiProxyModule();
        String reg = e.parentRegistryModule();
        return List.of(new Diagnosis("DIAG-DIAGNOSTICS-IMAGE-ROUTE",
                "azureiotedge-diagnostics:" + version + " is not served through " + registry,
                "The child could reach " + registry + " but the image azureiotedge-diagnostics:" + version
                        + " was not found upstream: the parent chain's API proxy does not route image pulls to a registry "
                        + "that has it. This is a registry/proxy route problem, not a network fault.",
                "On every parent up to the top layer, check the API proxy module \"" + proxy
                        + "\" (same name and port on every layer; at the top layer DOCKER_REQUEST_ROUTE_ADDRESS must name the "
                        + "registry module and its port, e.g. " + reg + ":5000) and the registry module \"" + reg
                        + "\" (REGISTRY_PROXY_REMOTEURL = https://mcr.microsoft.com, or preload azureiotedge-diagnostics:"
                        + version + ").",
                null, "facts §5, §6; field case F7", hits, Evidence.keys(explained)));
    }
}
