package io.nestedge.model.bundle;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;

/** The technician's {@code README.txt} in each bundle. */
final class BundleReadme {
    private BundleReadme() {
    }

    static String text(Plant plant, Device d, BundleInfo info) {
        String kind = d.isEdge() ? "IoT Edge device" : "leaf device";
        StringBuilder sb = new StringBuilder();
        sb.append("NestEdge Studio bundle for ").append(kind).append(' ').append(d.id()).append('\n');
        sb.append("Plant: ").append(plant.name()).append("   Layer: ").append(d.layerId())
                .append(d.hasParent() ? "   Parent: " + d.parentId() : "   (top layer)").append('\n');
        sb.append("Hostname: ").append(d.hostname()).append("\n\n");
        sb.append("""
                What is in it
                  certs/          root CA%s
                  private/        the device's private keys%s
                %s  install.sh      installs everything (run as root, offline)
                  bundle.json     where every file goes; used by SSH commissioning
                  SHA256SUMS      checksum of every file, signed (SHA256SUMS.p7s) by the plant's CA

                Install from a USB drive
                  1. Copy this folder (or the .tar.gz next to it: tar -xzf <device>.tar.gz) onto the
                     device's own disk, e.g. into /root/nestedge-bundle (a FAT or noexec USB drive cannot
                     run install.sh). Keep it on a drive only you have: it holds keys.
                  2. sudo ./install.sh
                  3. Compare the root CA fingerprint it prints with the one in the export report
                     (export-report.txt, kept by whoever exported the plant, NOT carried in this bundle:
                     a forged bundle would carry a matching number) and answer y only if it matches.
                     Scripted: sudo ./install.sh --root-sha256 <fingerprint from the report> compares it.
                %s  4. It verifies the signature and every checksum before changing anything, installs the
                     certificates and keys with the owners and modes the runtime needs, trusts the root CA
                     (and restarts the container engine), %s
                  5. Remove the bundle from the device and the drive afterwards.

                If install.sh stops, it says why and what to do. A tampered or incomplete bundle is refused
                before anything is changed.
                """.formatted(
                        d.isEdge() ? ", Edge CA (full chain, leaf first)" : "",
                        info.keysEncrypted() ? " (encrypted: install.sh asks for the pass phrase)" : " (unencrypted: keep the bundle private)",
                        d.isEdge() ? "  config.toml     /etc/aziot/config.toml for this device\n  deployment.json its deployment manifest (set by the hub script)\n" : "",
                        info.keysEncrypted() ? "     It then asks for the pass phrase of the device keys.\n" : "",
                        d.isEdge() ? "backs up and replaces config.toml, runs\n     iotedge config apply and iotedge check."
                                : "and checks the TLS connection to its parent."));
        return sb.toString();
    }
}
