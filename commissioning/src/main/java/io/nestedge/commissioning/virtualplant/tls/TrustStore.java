package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The device's OS trust store (facts §4): Debian/Ubuntu read the bundle
 * {@code /etc/ssl/certs/ca-certificates.crt} that {@code update-ca-certificates} writes;
 * EFLOW/CBL-Mariner/RHEL read {@code /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem} that
 * {@code update-ca-trust} writes. A CA copied into the source folder but not yet extracted by the
 * tool is therefore not trusted, as on a real device.
 */
public final class TrustStore {
    /** Debian bundle path. */
    public static final String DEBIAN_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    /** Mariner/RHEL bundle path. */
    public static final String MARINER_BUNDLE = "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem";

    private TrustStore() {
    }

    /** True when /etc/os-release names a Mariner/Azure Linux/RHEL-like system. */
    public static boolean isMariner(DeviceFs fs) {
        try {
            if (!fs.exists("/etc/os-release")) {
                return false;
            }
            String s = fs.read("/etc/os-release");
            return s.matches("(?s).*\\bID=\"?(mariner|azurelinux|rhel|centos|fedora)\"?.*")
                    || s.matches("(?s).*\\bID_LIKE=\"?[^\\n]*(rhel|fedora|mariner)[^\\n]*.*");
        } catch (IOException e) {
            return false;
        }
    }

    /** Device path of the bundle this device's TLS clients read. */
    public static String bundlePath(DeviceFs fs) {
        return isMariner(fs) ? MARINER_BUNDLE : DEBIAN_BUNDLE;
    }

    /**
     * Trusted CA certificates (empty when the bundle is missing or unreadable). A bundle's parsed
     * certificates are reused while its bytes are the same (an OS bundle holds a hundred CAs or more;
     * a long-lived emulator reads it for every check).
     */
    public static List<X509Certificate> anchors(DeviceFs fs) {
        String p = bundlePath(fs);
        try {
            if (!fs.exists(p)) {
                return List.of();
            }
            byte[] pem = fs.readBytes(p);
            Parsed last = LAST.get();
            if (last != null && Arrays.equals(last.pem(), pem)) {
                return last.certs();
            }
            List<X509Certificate> certs = List.copyOf(PemFiles.certs(pem));
            LAST.set(new Parsed(pem, certs));
            return certs;
        } catch (IOException e) {
            return List.of();
        }
    }

    private record Parsed(byte[] pem, List<X509Certificate> certs) {
    }

    /** The last bundle parsed (any device; the virtual plant's devices take turns). */
    private static final AtomicReference<Parsed> LAST = new AtomicReference<>();
}
