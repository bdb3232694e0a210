package io.nestedge.commissioning.virtualplant.runtime;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;

/**
 * Lays out a fresh emulated device the way the aziot-edge and aziot-identity-service packages leave
 * a machine: OS files, the service users' state directories, the packaged config template, the
 * trust-store folders and the login user's home.
 */
public final class DeviceImage {
    private DeviceImage() {
    }

    /**
     * A Jimfs POSIX file system for a virtual device ({@code posix}, {@code owner}, {@code unix} views;
     * new files belong to {@code loginUser}, as SFTP uploads do on a real device).
     */
    public static FileSystem newFileSystem(String loginUser) {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setDefaultAttributeValue("owner:owner", loginUser)
                .setDefaultAttributeValue("posix:group", loginUser)
                .setDefaultAttributeValue("posix:permissions", "rw-r--r--")
                .build());
    }

    /**
     * Populates the device.
     *
     * @param fs device file system
     * @param machineHostname what {@code hostname} prints
     * @param loginUser the technician's login user
     * @param mariner true for EFLOW/CBL-Mariner, false for Ubuntu
     * @param settings emulator settings to save
     */
    public static void populate(DeviceFs fs, String machineHostname, String loginUser, boolean mariner,
            EmulatorSettings settings) throws IOException {
        fs.setOwner(fs.root(), "root", "root");
        fs.setMode(fs.root(), "755");
        for (String d : new String[] {"/etc", "/usr", "/usr/bin", "/var", "/var/lib", "/home", "/run", "/etc/docker",
            "/usr/local/share/ca-certificates", "/usr/share/ca-certificates", "/etc/ssl/certs",
            "/etc/pki/ca-trust/source/anchors", "/etc/pki/ca-trust/extracted/pem", "/var/lib/aziot"}) {
            fs.mkdirs(d, "755", "root");
        }
        fs.mkdirs("/tmp", "777", "root");
        fs.mkdirs("/var/tmp", "777", "root");
        fs.mkdirs("/etc/aziot", "755", "root");
        fs.mkdirs("/var/lib/aziot/certd", "700", "aziotcs");
        fs.mkdirs("/var/lib/aziot/certd/certs", "700", "aziotcs");
        fs.mkdirs("/var/lib/aziot/keyd", "700", "aziotks");
        fs.mkdirs("/var/lib/aziot/keyd/keys", "700", "aziotks");
        fs.mkdirs("/var/lib/aziot/edged", "700", "iotedge");
        fs.mkdirs("/home/" + loginUser, "755", loginUser);
        fs.writeAtomic("/etc/hostname", machineHostname + "\n", "644", "root");
        fs.writeAtomic("/etc/os-release", mariner
                ? "NAME=\"Common Base Linux Mariner\"\nVERSION=\"2.0\"\nID=mariner\nVERSION_ID=\"2.0\"\n"
                : "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nID_LIKE=debian\n",
                "644", "root");
        fs.writeAtomic("/etc/aziot/config.toml.edge.template", "# Packaged template (emulated)\n"
                + "# hostname = \"my-device\"\n\n[provisioning]\nsource = \"manual\"\n"
                + "connection_string = \"<ADD DEVICE CONNECTION STRING HERE>\"\n", "600", "root");
        fs.writeAtomic("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n" + loginUser + ":x:1000:1000::/home/" + loginUser
                + ":/bin/bash\naziotks:x:990:990::/var/lib/aziot/keyd:/sbin/nologin\n"
                + "aziotcs:x:991:991::/var/lib/aziot/certd:/sbin/nologin\naziotid:x:992:992::/var/lib/aziot/identityd:/sbin/nologin\n"
                + "aziottpm:x:993:993::/var/lib/aziot/tpmd:/sbin/nologin\niotedge:x:994:994::/var/lib/aziot/edged:/sbin/nologin\n",
                "644", "root");
        settings.save(fs);
    }
}
