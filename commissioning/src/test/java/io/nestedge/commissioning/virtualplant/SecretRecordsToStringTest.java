package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.virtualplant.shell.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records that hold a sudo password never print it: a record's default toString prints every component. */
class SecretRecordsToStringTest {
    @Test
    void connectionSheetEntryHidesTheSudoPasswordButTheSheetStillShowsIt() throws Exception {
        ConnectionSheet.Entry e = new ConnectionSheet.Entry("site-gw", "site-gw.example.net", "127.0.0.1", 40022, "iotadmin",
                "SHA256:abc", "Xq7sudoSecret9", "", Map.of("mqtt", 40883));
        assertThat(e.toString()).contains("site-gw").contains("iotadmin@127.0.0.1:40022").doesNotContain("Xq7sudoSecret9");
        ConnectionSheet sheet = new ConnectionSheet("p", java.util.List.of(e));
        assertThat(sheet.toText()).contains("Xq7sudoSecret9"); // the rehearsal's sheet is where it is meant to be read
        assertThat(sheet.toJson()).contains("Xq7sudoSecret9");
    }

    @Test
    void virtualSessionHidesTheSudoPassword() {
        Session s = new Session(null, "iotadmin", "Xq7sudoSecret9", "/home/iotadmin");
        assertThat(s.toString()).doesNotContain("Xq7sudoSecret9");
    }
}
