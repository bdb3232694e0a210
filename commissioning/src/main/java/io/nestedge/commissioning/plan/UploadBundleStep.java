package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    private final io.nestedge.model.bundle.BundleInfo info;
    private final java.util.function.Supplier<char[]> keyPassphrase;

    /**
     * @param bundleDir the device's local bundle directory
     * @param shell the device connection
     * @param staging absolute staging path on the device
     * @param info the bundle's description
     * @param keyPassphrase pass phrase of a USB bundle's encrypted keys (asked only when needed);
     *     the keys are decrypted on the laptop and travel over SSH, as install.sh would decrypt them
     */
    public UploadBundleStep(Path bundleDir, DeviceShell shell, String staging, io.nestedge.model.bundle.BundleInfo info,
            java.util.function.Supplier<char[]> keyPassphrase) {
        this.bundleDir = bundleDir;
        this.shell = shell;
        this.staging = staging;
        this.info = info;
        this.keyPassphrase = keyPassphrase;
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
        List<Path> all;
        try (Stream<Path> s = Files.walk(bundleDir)) {
            all = s.sorted().toList();
        }
        // Only the bundle's own files travel: a link (or a device file, a pipe) would carry whatever it points
        // to on this laptop to the device, and SHA256SUMS lists only the files the export wrote.
        for (Path p : all) {
            if (!p.equals(bundleDir) && (Files.isSymbolicLink(p)
                    || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                String rel = bundleDir.relativize(p).toString().replace('\\', '/');
                return StepResult.failed("the bundle holds " + rel + ", which is a link or a special file, not a file the export "
                        + "wrote: nothing was uploaded", "", List.of(new io.nestedge.commissioning.run.Remark(
                                "A link in the bundle directory would upload the laptop file it points to.",
                                "Export the plant again into a fresh directory (or remove " + rel + "), then commission again.", "", "")));
            }
        }
        shell.makePrivateDir(staging);
        StringBuilder log = new StringBuilder();
        long bytes = 0;
        int files = 0;
        for (Path p : all) {
            if (p.equals(bundleDir)) {
                continue;
            }
            String rel = bundleDir.relativize(p).toString().replace('\\', '/');
            String remote = staging + "/" + rel;
            if (Files.isDirectory(p)) {
                shell.makePrivateDir(remote);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                shell.upload(p, remote, mode(p));
                bytes += Files.size(p);
                files++;
                log.append("uploaded ").append(rel).append('\n');
            }
            if (ctx.cancelled()) {
                return new StepResult(io.nestedge.commissioning.run.StepStatus.CANCELLED, "upload cancelled", log.toString(), List.of());
            }
        }
        if (info.keysEncrypted()) {
            char[] pass = keyPassphrase.get();
            try {
                for (int i = 0; i < info.encryptedKeys().size(); i++) {
                    Path enc = bundleDir.resolve(info.encryptedKeys().get(i));
                    java.security.PrivateKey key;
                    try {
                        key = io.nestedge.model.pki.PkiFiles.readPrivateKey(enc, pass);
                    } catch (io.nestedge.model.io.InputException e) {
                        return StepResult.failed("cannot decrypt " + info.encryptedKeys().get(i) + ": " + e.problem(), log.toString(),
                                List.of(new io.nestedge.commissioning.run.Remark("The bundle's device keys are encrypted with the "
                                        + "pass phrase chosen at export.", "Enter the bundle pass phrase used at export.", "", "")));
                    }
                    String plain = info.spec().keyFiles().get(i).source();
                    shell.upload(io.nestedge.model.pki.Pem.privateKey(key).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            staging + "/" + plain, 0600);
                    log.append("decrypted and uploaded ").append(plain).append('\n');
                }
            } finally {
                if (pass != null) {
                    java.util.Arrays.fill(pass, '\0');
                }
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
