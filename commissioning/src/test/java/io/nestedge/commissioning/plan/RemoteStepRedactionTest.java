package io.nestedge.commissioning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.OsFamily;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.InstallStep;
import io.nestedge.model.steps.InstallSteps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device that cannot parse config.toml quotes the line (shared/samples/device-output/config-apply-failures.txt);
 * when that line is the connection string, its SAS key must not reach the live output, the step's
 * output (journal, report) or its summary.
 */
class RemoteStepRedactionTest {
    private static final String KEY = "bm90LWZvci10aGUtam91cm5hbC1ldmVyLTEyMzQ1Ng==";

    @Test
    void aConfigApplyErrorQuotingTheConnectionStringKeepsTheKeyOut() throws Exception {
        String applyError = "Command failed: could not parse config file /etc/aziot/config.toml\n"
                + "        caused by: TOML parse error at line 9, column 1\n  |\n"
                + "9 | connection_string = \"HostName=hub.azure-devices.net;DeviceId=site-gw;SharedAccessKey=" + KEY + "\n"
                + "  | ^\nexpected `.`, `=`\n";
        DeviceShell shell = new UploadBundleLinksTest.RecordingShell() {
            @Override
            public Exec runAsRoot(String workDir, String commandLine, Duration timeout) {
                return commandLine.startsWith("iotedge config apply") ? new Exec(1, "", applyError) : new Exec(1, "", "");
            }
        };
        StringBuilder live = new StringBuilder();
        StepContext ctx = new StepContext() {
            @Override
            public String deviceId() {
                return "site-gw";
            }

            @Override
            public void output(String text) {
                live.append(text);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        InstallStep step = new InstallStep(InstallSteps.APPLY_CONFIG, "Apply", List.of(
                new Action.ApplyConfig(InstallSteps.CONFIG_TOML, InstallSteps.CONFIG_TOML + ".bak")), false);
        DeviceRunState state = new DeviceRunState("site-gw", "site-gw.example.net", "", "proxy", "registry", OsFamily.DEBIAN);

        StepResult r = new RemoteStep(step, shell, "/var/tmp/nestedge-site-gw", state, Duration.ofSeconds(5)).execute(ctx);

        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.output()).contains("TOML parse error at line 9").contains("SharedAccessKey=<redacted>");
        assertThat(live.toString() + r.output() + r.summary() + r.remarks()).doesNotContain(KEY);
    }
}
