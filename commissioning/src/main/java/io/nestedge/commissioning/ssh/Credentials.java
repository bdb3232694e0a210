package io.nestedge.commissioning.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to log in to one device. Holds no secret itself: pass phrases and passwords are asked for
 * through callbacks when needed, as {@code char[]} (facts §7; brief: passwords never in the plant file).
 *
 * @param user login user
 * @param keyFile an OpenSSH (or PEM) private key file, or null
 * @param passphrase asked when the key file is encrypted; may be null when it is not
 * @param password asked for password / keyboard-interactive authentication; null for none
 * @param useAgent offer the keys of the ssh-agent at {@code SSH_AUTH_SOCK} (Linux/macOS)
 */
public record Credentials(String user, Path keyFile, PassphrasePrompt passphrase, PasswordPrompt password, boolean useAgent) {
    /** Asks for the pass phrase of an encrypted private key file. */
    @FunctionalInterface
    public interface PassphrasePrompt {
        /**
         * @param keyFile the encrypted key file
         * @param attempt 0 for the first request, then 1, 2 after a wrong pass phrase
         * @return the pass phrase, or null to give up
         */
        char[] passphrase(Path keyFile, int attempt);
    }

    /** Asks for a login password. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /** @return the password, or null to give up */
        char[] password(String user, HostPort host);
    }

    /** Validates the user name. */
    public Credentials {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("empty SSH user");
        }
    }

    /** Key-file login. */
    public static Credentials key(String user, Path keyFile, PassphrasePrompt passphrase) {
        return new Credentials(user, Objects.requireNonNull(keyFile), passphrase, null, false);
    }

    /** Password login. */
    public static Credentials password(String user, PasswordPrompt password) {
        return new Credentials(user, null, null, Objects.requireNonNull(password), false);
    }

    /** ssh-agent login. */
    public static Credentials agent(String user) {
        return new Credentials(user, null, null, null, true);
    }

    /** The same credentials, also trying a password after the keys. */
    public Credentials withPassword(PasswordPrompt p) {
        return new Credentials(user, keyFile, passphrase, p, useAgent);
    }

    /** The same credentials, also offering the ssh-agent's keys. */
    public Credentials withAgent() {
        return new Credentials(user, keyFile, passphrase, password, true);
    }
}
