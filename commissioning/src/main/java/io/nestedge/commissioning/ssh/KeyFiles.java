package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private key files (OpenSSH {@code -----BEGIN OPENSSH PRIVATE KEY-----}, including encrypted
 * ones, and PEM) with MINA's key readers. Ed25519 needs Bouncy Castle on the class path (it is, via
 * the model module).
 */
public final class KeyFiles {
    /** Wrong pass phrases allowed before giving up. */
    public static final int MAX_ATTEMPTS = 3;

    private KeyFiles() {
    }

    /**
     * @param file the private key file
     * @param prompt asked for the pass phrase when the file is encrypted (may be null)
     * @return the key pairs in the file (usually one)
     * @throws RemoteAccessException when the file cannot be read, is not a private key, the pass phrase
     *     was not given or was wrong {@value #MAX_ATTEMPTS} times
     */
    public static List<KeyPair> load(Path file, Credentials.PassphrasePrompt prompt) throws RemoteAccessException {
        if (!Files.isRegularFile(file)) {
            throw new RemoteAccessException("SSH key file " + file + " does not exist");
        }
        FilePasswordProvider fpp = new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext session, NamedResource resource, int retryIndex) throws IOException {
                if (prompt == null) {
                    throw new RemoteAccessException("SSH key file " + file + " is encrypted and no pass phrase prompt was given");
                }
                char[] p = prompt.passphrase(file, retryIndex);
                if (p == null) {
                    throw new RemoteAccessException("No pass phrase given for SSH key file " + file);
                }
                // MINA's decoder takes a String; it is short-lived and never logged.
                return new String(p);
            }

            @Override
            public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resource,
                    int retryIndex, String password, Exception err) {
                if (err == null) {
                    return ResourceDecodeResult.TERMINATE;
                }
                return retryIndex + 1 < MAX_ATTEMPTS && !(err instanceof RemoteAccessException)
                        ? ResourceDecodeResult.RETRY : ResourceDecodeResult.TERMINATE;
            }
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, fpp);
            List<KeyPair> out = new ArrayList<>();
            if (pairs != null) {
                pairs.forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new RemoteAccessException("SSH key file " + file + " holds no private key");
            }
            return out;
        } catch (RemoteAccessException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new RemoteAccessException("Cannot read SSH key file " + file
                    + " (wrong pass phrase, or not an OpenSSH/PEM private key): " + e.getMessage(), e);
        }
    }
}
