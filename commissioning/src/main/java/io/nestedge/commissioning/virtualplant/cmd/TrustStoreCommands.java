package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.tls.PemFiles;
import io.nestedge.commissioning.virtualplant.tls.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OS trust-store tools of a virtual device (facts §4). {@code update-ca-certificates} (Debian)
 * gathers every {@code *.crt} (only that suffix, as the real tool) under
 * {@code /usr/local/share/ca-certificates} and {@code /usr/share/ca-certificates} into
 * {@code /etc/ssl/certs/ca-certificates.crt} and prints the real summary. {@code update-ca-trust}
 * (Mariner/RHEL) gathers {@code /etc/pki/ca-trust/source/anchors/*} into
 * {@code /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem}, silently.
 */
public final class TrustStoreCommands {
    private TrustStoreCommands() {
    }

    /** {@code update-ca-certificates}. */
    public static CommandResult updateCaCertificates(DeviceFs fs, String user) {
        if (!"root".equals(user)) {
            return CommandResult.fail(1, "cp: cannot create regular file '/etc/ssl/certs/ca-certificates.crt':"
                    + " Permission denied");
        }
        try {
            List<X509Certificate> certs = new ArrayList<>();
            collect(fs, "/usr/share/ca-certificates", ".crt", certs);
            collect(fs, "/usr/local/share/ca-certificates", ".crt", certs);
            Set<String> before = fingerprints(TrustStore.anchors(fs));
            Set<String> after = fingerprints(certs);
            long added = after.stream().filter(f -> !before.contains(f)).count();
            long removed = before.stream().filter(f -> !after.contains(f)).count();
            fs.mkdirs("/etc/ssl/certs", "755", "root");
            fs.writeAtomic(TrustStore.DEBIAN_BUNDLE, PemFiles.pem(certs), "644", "root");
            return CommandResult.ok("Updating certificates in /etc/ssl/certs...\n" + added + " added, " + removed
                    + " removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n");
        } catch (IOException e) {
            return CommandResult.fail(1, "update-ca-certificates: " + e.getMessage());
        }
    }

    /** {@code update-ca-trust [extract]}. */
    public static CommandResult updateCaTrust(DeviceFs fs, String user) {
        if (!"root".equals(user)) {
            return CommandResult.fail(1, "p11-kit: couldn't create file: /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem:"
                    + " Permission denied");
        }
        try {
            List<X509Certificate> certs = new ArrayList<>();
            collect(fs, "/usr/share/pki/ca-trust-source/anchors", "", certs);
            collect(fs, "/etc/pki/ca-trust/source/anchors", "", certs);
            String pem = PemFiles.pem(certs);
            fs.writeAtomic(TrustStore.MARINER_BUNDLE, pem, "644", "root");
            fs.writeAtomic("/etc/pki/tls/certs/ca-bundle.crt", pem, "644", "root");
            return CommandResult.ok("");
        } catch (IOException e) {
            return CommandResult.fail(1, "update-ca-trust: " + e.getMessage());
        }
    }

    /** SHA-256 of the device's trust bundle (empty string when missing). */
    public static String bundleDigest(DeviceFs fs) {
        try {
            String p = TrustStore.bundlePath(fs);
            if (!fs.exists(p)) {
                return "";
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fs.readBytes(p)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    private static void collect(DeviceFs fs, String dir, String suffix, List<X509Certificate> out) throws IOException {
        Path d = fs.path(dir);
        if (!Files.isDirectory(d)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(d)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        for (Path f : files) {
            try {
                out.addAll(PemFiles.certs(Files.readAllBytes(f)));
            } catch (IOException e) {
                // the real tools skip files they cannot parse (with a warning)
            }
        }
    }

    private static Set<String> fingerprints(List<X509Certificate> certs) {
        Set<String> s = new LinkedHashSet<>();
        for (X509Certificate c : certs) {
            try {
                s.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
            } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
                // skip unencodable
            }
        }
        return s;
    }
}
