package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.shell.ShellQuote;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.shell.Session;
import io.nestedge.commissioning.virtualplant.shell.ShellInterpreter;
import io.nestedge.commissioning.virtualplant.shell.ShellTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The virtual device's shell: quoting round trip, operators, sudo, permissions, file utilities. */
class ShellInterpreterTest {
    @Property(tries = 300)
    void shellQuoteRoundTrips(@ForAll @StringLength(max = 40) String word) throws Exception {
        if (word.indexOf('\0') >= 0) {
            return;
        }
        var tokens = ShellTokenizer.tokenize(ShellQuote.command("echo", word));
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).text()).isEqualTo(word);
        assertThat(tokens.get(1).operator()).isFalse();
    }

    private static CommandResult sh(Session s, String line, String stdin) {
        return ShellInterpreter.execute(s, line, stdin.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void commissioningStyleCommands() throws Exception {
        try (EmulatedDevice d = new EmulatedDevice("gw", new EmulatedDevice.Network())) {
            Session s = new Session(d.ctx, "iotadmin", "pw", "/home/iotadmin");
            assertThat(sh(s, "id -un", "").stdout()).isEqualTo("iotadmin\n");
            assertThat(sh(s, "sudo -S -k -p '' id -un", "pw\n").stdout()).isEqualTo("root\n");
            assertThat(sh(s, "sudo id -un", "").stderr()).contains("a terminal is required");
            assertThat(sh(s, "mkdir -p /var/aziot/certs", "").stderr()).contains("Permission denied");
            String install = ShellQuote.command("sudo", "-S", "-k", "-p", "", "install", "-m", "0700", "-o", "aziotks",
                    "-g", "aziotks", "-d", "/var/aziot/secrets");
            assertThat(sh(s, install, "pw\n").exitCode()).isZero();
            assertThat(sh(s, "stat -c '%a %U:%G' /var/aziot/secrets", "").stdout()).isEqualTo("700 aziotks:aziotks\n");
            assertThat(sh(s, "echo hello > /tmp/k.pem && sudo -S -p '' install -m 600 -o aziotks -g aziotks /tmp/k.pem "
                    + "/var/aziot/secrets/k.pem", "pw\n").exitCode()).isZero();
            assertThat(sh(s, "test -r /var/aziot/secrets/k.pem", "").exitCode()).as("login user cannot read").isEqualTo(1);
            assertThat(sh(s, "sudo -S -p '' test -r /var/aziot/secrets/k.pem", "pw\n").exitCode()).isZero();
            assertThat(sh(s, "cat /var/aziot/secrets/k.pem", "").stderr()).isEqualTo("cat: /var/aziot/secrets/k.pem: Permission denied\n");
            String sum = sh(s, "sha256sum /tmp/k.pem", "").stdout();
            assertThat(sh(s, "sha256sum -c /tmp/sums", "").exitCode()).isEqualTo(1);
            sh(s, "echo '" + sum.trim() + "' > /tmp/sums", "");
            assertThat(sh(s, "sha256sum -c /tmp/sums", "").stdout()).isEqualTo("/tmp/k.pem: OK\n");
            assertThat(sh(s, "false || true", "").exitCode()).isZero();
            assertThat(sh(s, "false && echo no; echo yes", "").stdout()).isEqualTo("yes\n");
            assertThat(sh(s, "echo abc | cat", "").stdout()).isEqualTo("abc\n");
            assertThat(sh(s, "ls -l /var/aziot", "").stdout()).contains("drwx------ 1 aziotks aziotks");
            CommandResult nf = sh(s, "frob", "");
            assertThat(nf.exitCode()).isEqualTo(127);
            assertThat(nf.stderr()).isEqualTo("sh: 1: frob: not found\n");
            assertThat(sh(s, "echo $(id)", "").exitCode()).isEqualTo(2);
            assertThat(ShellInterpreter.stdinNeed("sudo -S -k -p '' id -un")).isEqualTo(ShellInterpreter.StdinNeed.LINE);
            assertThat(ShellInterpreter.stdinNeed("sudo -S -p '' tee /etc/x")).isEqualTo(ShellInterpreter.StdinNeed.ALL);
            assertThat(ShellInterpreter.stdinNeed("hostname")).isEqualTo(ShellInterpreter.StdinNeed.NONE);
            assertThat(List.of(sh(s, "cat /etc/os-release", "").stdout())).anyMatch(x -> x.contains("ID=ubuntu"));
        }
    }
}
