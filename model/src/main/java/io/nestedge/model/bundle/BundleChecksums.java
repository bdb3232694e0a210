package io.nestedge.model.bundle;

import io.nestedge.model.io.FileErrors;
import io.nestedge.model.io.InputException;
import io.nestedge.model.steps.InstallSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a device bundle against its {@code SHA256SUMS} on the laptop, before any device is
 * touched: a file changed after the export (a hand edit, a bad copy to the USB drive) is named
 * here rather than found by {@code sha256sum --check} on the device, mid-run. The CMS signature
 * over {@code SHA256SUMS} is still verified on the device (install steps, facts §6). Stateless.
 */
public final class BundleChecksums {
    /** One {@code sha256sum} line: 64 hex digits, two spaces (or space and '*'), the relative path. */
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private BundleChecksums() {
    }

    /**
     * Verifies every file listed in the bundle's {@code SHA256SUMS}.
     *
     * @param bundleDir a device bundle directory ({@code devices/<device>/} of an export)
     * @throws InputException naming {@code SHA256SUMS} when it is missing or malformed, or the first
     *     listed file that is missing or whose SHA-256 differs, with the fix (export again)
     */
    public static void verify(Path bundleDir) throws InputException {
        Path sums = bundleDir.resolve(InstallSteps.SUMS);
        List<String> lines;
        try {
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(sums.toString(), "", "missing: this bundle cannot be verified.",
                    "Export the plant again ('nestedge export'); copy whole device folders, never single files.");
        } catch (IOException e) {
            throw new InputException(sums.toString(), "", "cannot read it: " + FileErrors.reason(e) + ".", "Export the plant again.");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches()) {
                throw new InputException(sums.toString(), "line " + (i + 1), "not a 'SHA-256  file' line: the file is damaged.",
                        "Export the plant again.");
            }
            Path file = bundleDir.resolve(m.group(2)).normalize();
            if (!file.startsWith(bundleDir.normalize())) {
                throw new InputException(sums.toString(), "line " + (i + 1), "names a file outside the bundle: " + m.group(2) + ".",
                        "Export the plant again.");
            }
            String actual;
            try {
                actual = BundleSigner.sha256Hex(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new InputException(file.toString(), "", "missing from the bundle (" + InstallSteps.SUMS + " lists it).",
                        "Export the plant again, or copy the whole device folder again from the export.");
            } catch (IOException e) {
                throw new InputException(file.toString(), "", "cannot read it: " + FileErrors.reason(e) + ".", "Export the plant again.");
            }
            if (!actual.equalsIgnoreCase(m.group(1))) {
                throw new InputException(file.toString(), "", "changed after the export: its SHA-256 differs from the one in "
                        + InstallSteps.SUMS + " (the device would refuse the bundle).",
                        "Export the plant again, or copy the device folder again from the export; never edit a signed bundle by hand.");
            }
        }
    }
}
