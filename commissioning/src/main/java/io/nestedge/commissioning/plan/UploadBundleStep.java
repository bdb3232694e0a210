package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Uploads a device bundle into a private staging directory on the device (0700, the login user's),
 * keeping each file's mode (keys stay 0600). Runs again on resume: the staging copy may be gone.
 */
public final class UploadBundleStep implements StepTask {
    /** Step ID. */
    public static final String ID = "upload-bundle";
    private final Path bundleDir;
    private final DeviceShell shell;
    private final String staging;

    /**
     * @param bundleDir the device's local bundle directory
     * @param shell the device connection
     * @param staging absolute staging path on the device
     */
    public UploadBundleStep(Path bundleDir, DeviceShell shell, String staging) {
        this.bundleDir = bundleDir;
        this.shell = shell;
        this.staging = staging;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Upload the bundle to " + staging;
    }

    @Override
    public boolean rerunOnResume() {
        return true;
    }

    @Override
    public StepResult execute(StepContext ctx) throws IOException {
        shell.makePrivateDir(staging);
        StringBuilder log = new StringBuilder();
        long bytes = 0;
        int files = 0;
        List<Path> all;
        try (Stream<Path> s = Files.walk(bundleDir)) {
            all = s.sorted().toList();
        }
        for (Path p : all) {
            if (p.equals(bundleDir)) {
                continue;
            }
            String rel = bundleDir.relativize(p).toString().replace('\\', '/');
            String remote = staging + "/" + rel;
            if (Files.isDirectory(p)) {
                shell.makePrivateDir(remote);
            } else if (Files.isRegularFile(p)) {
                shell.upload(p, remote, mode(p));
                bytes += Files.size(p);
                files++;
                log.append("uploaded ").append(rel).append('\n');
            }
            if (ctx.cancelled()) {
                return new StepResult(io.nestedge.commissioning.run.StepStatus.CANCELLED, "upload cancelled", log.toString(), List.of());
            }
        }
        ctx.output(files + " files uploaded\n");
        return StepResult.ok(files + " files (" + bytes / 1024 + " KiB) uploaded to " + staging, log.toString());
    }

    private static int mode(Path p) throws IOException {
        if (!Files.getFileStore(p).supportsFileAttributeView("posix")) {
            return 0600;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        int m = 0;
        for (PosixFilePermission x : perms) {
            m |= 1 << (8 - x.ordinal());
        }
        // The staging copy is private to the login user whatever the local mode.
        return m & 0700;
    }
}
