package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code iotedge list} (facts §6): a header {@code NAME STATUS DESCRIPTION CONFIG} whose
 * column positions cut every row. NAME and STATUS are cut at the header's positions; a DESCRIPTION
 * longer than its column pushes CONFIG to the right (the runtime's table does that), so CONFIG is
 * the single word that starts at or after the CONFIG column and ends the row (image names hold no
 * spaces).
 */
public final class IotedgeListParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "iotedge list";

    private IotedgeListParser() {
    }

    /**
     * @param output everything the command printed on stdout
     * @return the modules in output order
     * @throws ProbeParseException when the header is missing or malformed, a row's name overflows into
     *     STATUS, a status is not running|stopped|failed|unknown, or a row has no image
     */
    public static List<ModuleStatus> parse(String output) throws ProbeParseException {
        List<String> lines = Lines.of(output);
        int h = 0;
        while (h < lines.size() && lines.get(h).isBlank()) {
            h++;
        }
        if (h == lines.size()) {
            throw new ProbeParseException(COMMAND, 0, "", "no output (expected the header NAME STATUS DESCRIPTION CONFIG)");
        }
        String header = lines.get(h);
        int status = header.indexOf("STATUS");
        int desc = header.indexOf("DESCRIPTION");
        int config = header.indexOf("CONFIG");
        if (!header.startsWith("NAME") || status < 5 || desc <= status || config <= desc
                || !header.substring(4, status).isBlank() || !header.substring(status + 6, desc).isBlank()
                || !header.substring(desc + 11, config).isBlank() || !header.substring(config + 6).isBlank()) {
            throw new ProbeParseException(COMMAND, h + 1, header, "expected the header NAME STATUS DESCRIPTION CONFIG");
        }
        List<ModuleStatus> modules = new ArrayList<>();
        for (int i = h + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() <= desc || line.charAt(status - 1) != ' ' || line.charAt(desc - 1) != ' ') {
                throw new ProbeParseException(COMMAND, n, line, "the row does not fit the header's columns");
            }
            String name = line.substring(0, status).strip();
            String word = line.substring(status, desc).strip();
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_-]+")) {
                throw new ProbeParseException(COMMAND, n, line, "no valid module name in the NAME column");
            }
            ModuleStatus.State state = ModuleStatus.State.fromWord(word);
            if (state == null) {
                throw new ProbeParseException(COMMAND, n, line, "unknown status \"" + word + "\" (expected running|stopped|failed|unknown)");
            }
            String rest = line.substring(desc).stripTrailing();
            int lastSpace = rest.lastIndexOf(' ');
            int imageStart = desc + lastSpace + 1;
            if (lastSpace < 0 || imageStart < config) {
                throw new ProbeParseException(COMMAND, n, line, "no image in the CONFIG column");
            }
            String image = rest.substring(lastSpace + 1);
            String description = rest.substring(0, lastSpace).strip();
            modules.add(new ModuleStatus(name, state, description, image));
        }
        return modules;
    }
}
