package io.nestedge.commissioning.ansible;

import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.samples.SamplePlants;

/** Test bundles (descriptions only) for other packages' tests. */
public final class AnsibleExporterTestSupport {
    private AnsibleExporterTestSupport() {
    }

    /** The sample plant's bundle description of one device, plain keys. */
    public static BundleInfo bundle(String deviceId) {
        return AnsibleExporterTest.bundles(SamplePlants.sample(), false).stream().filter(b -> b.deviceId().equals(deviceId))
                .findFirst().orElseThrow();
    }
}
