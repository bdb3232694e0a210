package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.runtime.ContainerState;
import java.util.Collection;
import java.util.Comparator;

/**
 * {@code iotedge list} output (facts §6; sample {@code iotedge-list.txt}): columns NAME (28 wide),
 * STATUS (17), DESCRIPTION (17), CONFIG; a cell longer than its column is followed by two spaces;
 * modules sorted by name (ordinal, so upper case first); STATUS running|stopped|failed; DESCRIPTION
 * "Up 3 minutes", "Stopped", "Failed (code) 12 seconds ago".
 */
public final class ListFormatter {
    private static final int[] WIDTHS = {28, 17, 17};

    private ListFormatter() {
    }

    /**
     * @param containers the device's containers
     * @param nowMillis now, epoch ms
     */
    public static String format(Collection<ContainerState> containers, long nowMillis) {
        StringBuilder b = new StringBuilder();
        row(b, "NAME", "STATUS", "DESCRIPTION", "CONFIG");
        containers.stream().sorted(Comparator.comparing(ContainerState::name)).forEach(c -> {
            String desc = switch (c.status()) {
                case "running" -> "Up " + Durations.human(nowMillis - c.startedAt());
                case "failed" -> "Failed (" + c.exitCode() + ") " + Durations.human(nowMillis - c.finishedAt()) + " ago";
                default -> "Stopped";
            };
            row(b, c.name(), c.status(), desc, c.image());
        });
        return b.toString();
    }

    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < 3; i++) {
            b.append(cells[i]);
            int pad = WIDTHS[i] - cells[i].length();
            b.append(" ".repeat(pad >= 2 ? pad : 2));
        }
        b.append(cells[3]).append('\n');
    }
}
