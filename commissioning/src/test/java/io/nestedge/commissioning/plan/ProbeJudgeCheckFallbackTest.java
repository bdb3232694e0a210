package io.nestedge.commissioning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.probe.Samples;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.OsFamily;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.DeviceInstallSpec;
import io.nestedge.model.steps.DeviceInstallSpec.BundleFile;
import io.nestedge.model.steps.InstallStep;
import io.nestedge.model.steps.InstallSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Step 8's {@code iotedge check}: the plan's probe asks for {@code --output json}; a device whose
 * iotedge refuses it (runtimes before 1.0.8) is judged from the text form
 * ({@code iotedge check --verbose}), the same way; output neither parser understands fails loudly.
 * Real-shaped outputs from {@code ../shared/samples/device-output/}.
 */
class ProbeJudgeCheckFallbackTest {
    private static final String JSON = "iotedge check --output json </dev/null";
    private static final String TEXT = "iotedge check --verbose </dev/null";
    /** What iotedge 1.0.7's command-line parser (clap 2) prints for an option it does not know. */
    private static final DeviceShell.Exec REFUSED = new DeviceShell.Exec(1, "", "error: Found argument '--output' which wasn't"
            + " expected, or isn't valid in this context\n\nUSAGE:\n    iotedge check [FLAGS] [OPTIONS]\n\nFor more information try --help\n");

    /** The verify-runtime step of the real plan, with only its check probe (list and inspect left out). */
    private static InstallStep checkStep() {
        DeviceInstallSpec spec = new DeviceInstallSpec("l3-line1-gw", true, "l3-line1-gw", "l4-site-gw.plant7.example.net",
                List.of(8883, 443), OsFamily.DEBIAN, new BundleFile("certs/root.pem", "/var/aziot/certs/root.pem"), "nestedge-root",
                "/var/aziot/certs", "/var/aziot/secrets", List.of(), List.of(), null, "config.toml", ".nestedge-test.bak");
        InstallStep runtime = InstallSteps.forDevice(spec).stream().filter(s -> s.id().equals("verify-runtime")).findFirst()
                .orElseThrow();
        Action check = runtime.actions().get(0);
        assertThat(check).isInstanceOfSatisfying(Action.Probe.class, p -> assertThat(p.fallback()).isNotNull());
        return new InstallStep(runtime.id(), runtime.title(), List.of(check), true);
    }

    private final List<String> ran = new CopyOnWriteArrayList<>();

    private StepResult run(Map<String, DeviceShell.Exec> answers) throws Exception {
        DeviceShell shell = new DeviceShell() {
            @Override
            public Exec runAsRoot(String workDir, String commandLine, Duration timeout) {
                ran.add(commandLine);
                Exec e = answers.get(commandLine);
                if (e == null) {
                    throw new AssertionError("unexpected command " + commandLine);
                }
                return e;
            }

            @Override
            public void upload(Path local, String remotePath, int mode) {
                throw new AssertionError("no upload expected");
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) {
                throw new AssertionError("no upload expected");
            }

            @Override
            public void makePrivateDir(String path) {
                throw new AssertionError("no mkdir expected");
            }
        };
        DeviceRunState state = new DeviceRunState("l3-line1-gw", "l3-line1-gw", "l4-site-gw.plant7.example.net", "IoTEdgeAPIProxy",
                "registry", OsFamily.DEBIAN);
        StepContext ctx = new StepContext() {
            @Override
            public String deviceId() {
                return "l3-line1-gw";
            }

            @Override
            public void output(String text) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        return new RemoteStep(checkStep(), shell, "/", state, Duration.ofSeconds(5)).execute(ctx);
    }

    @Test
    void aDeviceThatRefusesOutputJsonIsJudgedFromTheTextFormTheSameWay() throws Exception {
        StepResult text = run(Map.of(JSON, REFUSED, TEXT, new DeviceShell.Exec(1, Samples.read("iotedge-check-child-verbose.txt"), "")));
        assertThat(ran).containsExactly(JSON, TEXT);
        assertThat(text.status()).isEqualTo(StepStatus.FAILED);
        assertThat(text.summary()).startsWith("iotedge check: 27 ok, 3 warnings, 2 errors (host-connect-iothub-amqp: Could not connect")
                .contains("read from 'iotedge check --verbose'")
                .contains("the device did not answer 'iotedge check --output json' (error: Found argument '--output' which wasn't expected");
        // The text form feeds the diagnosis as the JSON form does: the same failed check, the same cause.
        ran.clear();
        StepResult json = run(Map.of(JSON, new DeviceShell.Exec(1, Samples.read("iotedge-check-child.json"), "")));
        assertThat(ran).containsExactly(JSON);
        assertThat(json.summary()).contains("(host-connect-iothub-amqp: Could not connect").doesNotContain("iotedge check --verbose");
        assertThat(text.remarks()).isNotEmpty();
        assertThat(text.remarks()).extracting(Remark::cause).containsAnyElementsOf(json.remarks().stream().map(Remark::cause).toList());
    }

    @Test
    void aGreenTextFormIsAGreenStep() throws Exception {
        String green = """
                Configuration checks
                --------------------
                \u221a aziot-edged configuration is well-formed - OK
                \u221a configuration has correct parent_hostname - OK

                Connectivity checks
                -------------------
                \u221a container on the IoT Edge module network can connect to upstream AMQP port - OK
                3 check(s) succeeded.
                """;
        StepResult r = run(Map.of(JSON, REFUSED, TEXT, new DeviceShell.Exec(0, green, "")));
        assertThat(r.status()).isEqualTo(StepStatus.OK);
        assertThat(r.summary()).startsWith("iotedge check: 3 ok, 0 warnings, 0 errors [read from 'iotedge check --verbose'");
        assertThat(r.remarks()).isEmpty();
    }

    @Test
    void outputNeitherParserUnderstandsFailsLoudlyNamingBothCommands() throws Exception {
        StepResult r = run(Map.of(JSON, new DeviceShell.Exec(139, "", "Segmentation fault (core dumped)\n"),
                TEXT, new DeviceShell.Exec(139, "", "Segmentation fault (core dumped)\n")));
        assertThat(ran).containsExactly(JSON, TEXT);
        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.summary()).contains("could not understand the output of 'iotedge check --verbose'")
                .contains("nor of 'iotedge check --output json': Segmentation fault (core dumped), exit 139")
                .contains("summary lines");
    }

    @Test
    void textThatIsNotTheCheckShapeIsNotTakenForAGreenCheck() throws Exception {
        // An iotedge that ignores --output and prints help instead: neither form is check output.
        String usage = "iotedge 1.0.7\nUSAGE:\n    iotedge [SUBCOMMAND]\n\nSUBCOMMANDS:\n    check    Check for common config and deployment issues\n";
        StepResult r = run(Map.of(JSON, new DeviceShell.Exec(0, usage, ""), TEXT, new DeviceShell.Exec(0, usage, "")));
        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.summary()).contains("could not understand the output of 'iotedge check --verbose'").contains("line 1");
    }
}
