package io.nestedge.app.commission;

import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.model.Device;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * SSH logins for the real devices, entered in the credentials dialog and kept in memory only (never
 * in the plant file or the preferences; brief: secrets). One set for the whole plant: the user (or
 * each device's plant user when blank), a private key file with its pass phrase, or a password,
 * and the sudo password. {@link #wipe()} overwrites the secrets.
 */
public final class Logins {
    private final String user;
    private final Path keyFile;
    private final char[] keyPassphrase;
    private final char[] password;
    private final char[] sudoPassword;
    private final boolean trustUserKnownHosts;

    /**
     * @param user SSH user for every device, or blank to use each device's {@code ssh.user}
     * @param keyFile private key file, or null for password login
     * @param keyPassphrase the key file's pass phrase, or empty when it is not encrypted
     * @param password login password (used when there is no key file, and as a fallback), may be empty
     * @param sudoPassword sudo password on the devices (empty: the login password)
     */
    public Logins(String user, Path keyFile, char[] keyPassphrase, char[] password, char[] sudoPassword) {
        this(user, keyFile, keyPassphrase, password, sudoPassword, false);
    }

    /**
     * As {@link #Logins(String, Path, char[], char[], char[])}, choosing whether host keys in the
     * user's {@code ~/.ssh/known_hosts} are trusted too (issue #5: the app's own known_hosts, the
     * user's only when asked).
     *
     * @param trustUserKnownHosts true to also trust (read only) {@code ~/.ssh/known_hosts}
     */
    public Logins(String user, Path keyFile, char[] keyPassphrase, char[] password, char[] sudoPassword,
            boolean trustUserKnownHosts) {
        this.trustUserKnownHosts = trustUserKnownHosts;
        this.user = user == null ? "" : user.strip();
        this.keyFile = keyFile;
        this.keyPassphrase = keyPassphrase == null ? new char[0] : keyPassphrase.clone();
        this.password = password == null ? new char[0] : password.clone();
        this.sudoPassword = sudoPassword == null || sudoPassword.length == 0 ? this.password.clone() : sudoPassword.clone();
    }

    /**
     * Checks the entries.
     *
     * @return what is missing, or empty when usable
     */
    public String problem() {
        if (keyFile == null && password.length == 0) {
            return "Give a private key file or a password.";
        }
        if (keyFile != null && !java.nio.file.Files.isReadable(keyFile)) {
            return "Cannot read the key file " + keyFile + ".";
        }
        if (sudoPassword.length == 0) {
            return "Give the sudo password (every step runs as root with sudo -S).";
        }
        return "";
    }

    /** The login user for a device. */
    public String user(Device d) {
        return !user.isEmpty() ? user : d.ssh().user().isEmpty() ? "root" : d.ssh().user();
    }

    /** Credentials for a device (the secrets are handed out as copies). */
    public Credentials credentials(Device d) {
        Credentials.PasswordPrompt pw = password.length == 0 ? null : (u, h) -> password.clone();
        if (keyFile != null) {
            Credentials c = Credentials.key(user(d), keyFile, (f, attempt) -> attempt == 0 && keyPassphrase.length > 0
                    ? keyPassphrase.clone() : null);
            return pw == null ? c : c.withPassword(pw);
        }
        return Credentials.password(user(d), pw);
    }

    /** Whether host keys in the user's {@code ~/.ssh/known_hosts} are trusted too (read only). */
    public boolean trustUserKnownHosts() {
        return trustUserKnownHosts;
    }

    /** The sudo password (a copy the caller wipes). */
    public char[] sudoPassword() {
        return sudoPassword.clone();
    }

    /** Overwrites the secrets. */
    public void wipe() {
        Arrays.fill(keyPassphrase, '\0');
        Arrays.fill(password, '\0');
        Arrays.fill(sudoPassword, '\0');
    }

    @Override
    public String toString() {
        return "Logins[user " + (user.isEmpty() ? "(per device)" : user) + ", " + (keyFile != null ? "key " + keyFile : "password")
                + (trustUserKnownHosts ? ", also trusting ~/.ssh/known_hosts" : "") + "]";
    }
}
