package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** Progress on a pipe or log file: whole lines, no carriage returns, the final state last. */
class CliProgressTest {
    @Test
    void withoutATerminalProgressIsWrittenAsLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressBar bar = CliProgress.start("Commission", 4, log, false, 50)) {
            for (int i = 0; i < 4; i++) {
                bar.setExtraMessage("device-" + i);
                bar.step();
                Thread.sleep(120);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        String[] lines = text.strip().split("\n");
        assertThat(lines.length).as("one line per update, not one endless line").isGreaterThanOrEqualTo(2);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("Commission"));
        assertThat(lines[lines.length - 1]).contains("4/4").contains("device-3");
    }
}
