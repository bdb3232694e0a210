package io.nestedge.model.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Records that hold a registry password never print it: a record's default toString prints every component. */
class SecretRecordsToStringTest {
    @Test
    void containerAuthOfBothToolFormatsHidesThePassword() {
        String az = new AzDevicesConfigFormat.Auth("reg.example.net", "puller", "s3cr3t-registry-pw").toString();
        String iotedge = new IotEdgeConfigFormat.Auth("reg.example.net", "puller", "s3cr3t-registry-pw").toString();
        assertThat(az).contains("puller").contains("reg.example.net").contains("password present").doesNotContain("s3cr3t");
        assertThat(iotedge).contains("puller").contains("reg.example.net").doesNotContain("s3cr3t");
    }
}
