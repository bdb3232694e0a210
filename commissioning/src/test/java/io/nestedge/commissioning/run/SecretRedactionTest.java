package io.nestedge.commissioning.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    private static final String KEY = "dGhpcyBpcyBhIHNlY3JldCBzYXMga2V5IQ==";

    @Test
    void masksTheSecretsAConfigTomlParseErrorQuotes() {
        String out = """
                Command failed: could not parse config file /etc/aziot/config.toml
                        caused by: TOML parse error at line 9, column 20
                  |
                9 | connection_string = "HostName=hub.azure-devices.net;DeviceId=site-gw;SharedAccessKey=%s
                  |                    ^
                """.formatted(KEY);
        String r = SecretRedaction.apply(out);
        assertThat(r).doesNotContain(KEY).contains("DeviceId=site-gw;SharedAccessKey=<redacted>").contains("line 9, column 20");
        assertThat(SecretRedaction.apply("symmetric_key = { value = \"" + KEY + "\" }")).doesNotContain(KEY);
        assertThat(SecretRedaction.apply("device_id_pk = { value = \"" + KEY + "\" }")).doesNotContain(KEY);
        assertThat(SecretRedaction.apply("Authorization: SharedAccessSignature sr=hub%2Fdevices%2Fgw&sig=" + KEY + "&se=1"))
                .doesNotContain(KEY).contains("sr=hub%2Fdevices%2Fgw");
    }

    @Test
    void leavesOrdinaryOutputAlone() {
        String s = "edgeHub running  Up 3 minutes  mcr.microsoft.com/azureiotedge-hub:1.5\nhostname = \"site-gw\"\n";
        assertThat(SecretRedaction.apply(s)).isSameAs(s);
        assertThat(SecretRedaction.apply(null)).isNull();
    }
}
