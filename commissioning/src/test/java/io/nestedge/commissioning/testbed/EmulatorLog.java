package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Profiling aid for the benchmark: sums the devices' emulator daemon logs
 * ({@code /var/log/nestedge-emulator/daemon.log}, one line per command with the time it waited for
 * the device and ran) per command ({@code iotedge config}, {@code docker inspect}, …).
 */
final class EmulatorLog {
    private static final Pattern LINE = Pattern.compile(
            "^\\S+ (\\S+): (\\S+)(?: (\\S+))?.* -> -?\\d+ \\(waited (\\d+) ms, ran (\\d+) ms, (\\d+) ms in all\\)$");

    private EmulatorLog() {
    }

    /** @return a table (command, n, mean/max/sum of run ms, sum of waits), or a note when there are no logs */
    static String summary(TestbedSheet sheet) {
        Map<String, List<long[]>> by = new TreeMap<>();
        for (TestbedSheet.Device d : sheet.devices()) {
            Path log = d.privateRoot().resolve("var/log/nestedge-emulator/daemon.log");
            if (!Files.exists(log)) {
                continue;
            }
            try {
                for (String l : Files.readAllLines(log)) {
                    Matcher m = LINE.matcher(l);
                    if (m.matches()) {
                        String key = m.group(2) + (m.group(3) == null || m.group(3).startsWith("-") ? "" : " " + m.group(3));
                        by.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {Long.parseLong(m.group(4)),
                                Long.parseLong(m.group(5)), Long.parseLong(m.group(6))});
                    }
                }
            } catch (IOException e) {
                // unreadable log: skipped
            }
        }
        if (by.isEmpty()) {
            return "emulated commands: no daemon logs (JVM per call)\n";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s %4s %8s %8s %9s %9s%n", "emulated command", "n",
                "mean ms", "max ms", "sum ms", "waited ms"));
        by.forEach((k, v) -> {
            long sum = v.stream().mapToLong(x -> x[1]).sum();
            b.append(String.format(Locale.ROOT, "%-22s %4d %8d %8d %9d %9d%n", k, v.size(), sum / v.size(),
                    v.stream().mapToLong(x -> x[1]).max().orElse(0), sum, v.stream().mapToLong(x -> x[0]).sum()));
        });
        return b.toString();
    }
}
