package io.nestedge.app;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Test helper: a technician's SSH key as an OpenSSH private key file. */
public final class TestSshKeys {
    private TestSshKeys() {
    }

    /**
     * Generates an ECDSA P-256 key pair and writes it, unencrypted, in OpenSSH format, mode 0600.
     *
     * @param file where the private key goes
     * @return the key pair (authorise its public key on the test devices)
     * @throws Exception when the key cannot be generated or written
     */
    public static KeyPair writeEcdsaKey(Path file) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        try (OutputStream o = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "technician", null, o);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return kp;
    }
}
