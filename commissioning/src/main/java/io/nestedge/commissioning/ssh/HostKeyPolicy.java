package io.nestedge.commissioning.ssh;

import io.nestedge.model.io.AtomicFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host-key verification for every SSH session the app opens (architecture.md "ssh"; brief: never
 * accept all). In order: a pinned fingerprint for the host decides alone; otherwise the app's own
 * known_hosts file (OpenSSH format, read and written) and, optionally, the user's
 * {@code ~/.ssh/known_hosts} (read only); a key of the same type that differs from a known one is a
 * CHANGED key and stops the connection ({@link HostKeyChangedException} with both fingerprints); an
 * unknown key goes to the {@link Prompt} (trust on first use), and without a prompt it is rejected.
 * {@code @revoked} entries reject; {@code @cert-authority} entries are ignored (no certificate support).
 *
 * <p>The host checked is the device's own name and port, also when it is reached through a jump host
 * or a forwarded channel (the connection context carries it; see {@link #TARGET}).
 */
public final class HostKeyPolicy implements ServerKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyPolicy.class);

    /** Connection-context attribute: the device's own host and port. */
    static final AttributeKey<HostPort> TARGET = new AttributeKey<>();
    /** Connection-context attribute: where a refusal is recorded for the connecting thread. */
    static final AttributeKey<AtomicReference<RemoteAccessException>> REFUSAL = new AttributeKey<>();
    /** Connection-context attribute: true while the person is being asked (timeouts pause). */
    static final AttributeKey<AtomicBoolean> PROMPTING = new AttributeKey<>();

    /** What the person decided about an unknown host key. */
    public enum Decision {
        /** Trust it for this process only. */
        ACCEPT_ONCE,
        /** Trust it and write it to the app's known_hosts file. */
        ACCEPT_AND_SAVE,
        /** Do not connect. */
        REJECT
    }

    /**
     * An unknown host key, as shown to the person.
     *
     * @param host the device's host and port
     * @param keyType {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code rsa-sha2-512}/{@code ssh-rsa}
     * @param fingerprint the SHA-256 fingerprint as OpenSSH prints it ({@code SHA256:…})
     */
    public record UnknownHostKey(HostPort host, String keyType, String fingerprint) {
    }

    /** Trust-on-first-use callback; called on an SSH I/O thread, may block while the person decides. */
    @FunctionalInterface
    public interface Prompt {
        /** @return the person's decision; never null */
        Decision decide(UnknownHostKey key);
    }

    private final Path appKnownHosts;
    private final List<Path> readOnlyKnownHosts;
    private final Prompt prompt;
    private final Map<HostPort, Set<String>> pinned;
    private final Map<HostPort, Set<String>> acceptedOnce = new HashMap<>();
    private final Object lock = new Object();

    private HostKeyPolicy(Builder b) {
        appKnownHosts = b.appKnownHosts;
        readOnlyKnownHosts = List.copyOf(b.readOnly);
        prompt = b.prompt;
        Map<HostPort, Set<String>> p = new HashMap<>();
        b.pinned.forEach((k, v) -> p.put(k, Set.copyOf(v)));
        pinned = Map.copyOf(p);
    }

    /**
     * @param appKnownHosts the app's own known_hosts file (created 0600 on first save)
     * @return a builder; without {@link Builder#prompt} unknown keys are rejected
     */
    public static Builder builder(Path appKnownHosts) {
        return new Builder(appKnownHosts);
    }

    /** The SHA-256 fingerprint of a public key as OpenSSH prints it ({@code SHA256:…}, unpadded base64). */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        AttributeRepository ctx = session.getConnectionContext();
        HostPort host = ctx == null ? null : ctx.getAttribute(TARGET);
        if (host == null) {
            InetSocketAddress a = (InetSocketAddress) remoteAddress;
            host = new HostPort(a.getHostString(), a.getPort());
        }
        AtomicReference<RemoteAccessException> refusal = ctx == null ? null : ctx.getAttribute(REFUSAL);
        try {
            RemoteAccessException problem = check(host, serverKey, ctx == null ? null : ctx.getAttribute(PROMPTING));
            if (problem != null && refusal != null) {
                refusal.set(problem);
            }
            return problem == null;
        } catch (RuntimeException | IOException e) {
            LOG.warn("host key check for {} failed: {}", host, e.toString());
            if (refusal != null) {
                refusal.set(new RemoteAccessException("Could not check the host key of " + host + ": " + e.getMessage(), e));
            }
            return false;
        }
    }

    /**
     * Decides about one presented key.
     *
     * @return null when accepted, otherwise the exception that explains the refusal
     * @throws IOException when the known_hosts files cannot be read or written
     */
    RemoteAccessException check(HostPort host, PublicKey key, AtomicBoolean prompting) throws IOException {
        String fp = fingerprint(key);
        String type = KeyUtils.getKeyType(key);
        Set<String> pins = pinned.get(host);
        if (pins != null) {
            if (pins.contains(fp)) {
                return null;
            }
            LOG.warn("host key of {} does not match the pinned fingerprint", host);
            return new HostKeyChangedException(host, type, List.copyOf(pins), fp);
        }
        synchronized (lock) {
            if (acceptedOnce.getOrDefault(host, Set.of()).contains(fp)) {
                return null;
            }
            List<String> sameTypeDifferent = new ArrayList<>();
            for (Path file : files()) {
                for (KnownHostEntry e : read(file)) {
                    if (!e.isHostMatch(host.host(), host.port()) || "cert-authority".equals(e.getMarker())) {
                        continue;
                    }
                    PublicKey known = resolve(e);
                    if (known == null) {
                        continue;
                    }
                    boolean same = KeyUtils.compareKeys(known, key);
                    if ("revoked".equals(e.getMarker())) {
                        if (same) {
                            return new HostKeyRejectedException(host, fp + " (revoked in " + file + ")");
                        }
                        continue;
                    }
                    if (same) {
                        return null;
                    }
                    if (KeyUtils.getKeyType(known).equals(type)
                            || (type.startsWith("rsa-sha2") || type.equals("ssh-rsa")) && KeyUtils.getKeyType(known).contains("rsa")) {
                        sameTypeDifferent.add(fingerprint(known));
                    }
                }
            }
            if (!sameTypeDifferent.isEmpty()) {
                LOG.warn("HOST KEY CHANGED for {}: presented {}", host, fp);
                return new HostKeyChangedException(host, type, sameTypeDifferent, fp);
            }
            Decision d = Decision.REJECT;
            if (prompt != null) {
                if (prompting != null) {
                    prompting.set(true);
                }
                try {
                    d = Objects.requireNonNullElse(prompt.decide(new UnknownHostKey(host, type, fp)), Decision.REJECT);
                } finally {
                    if (prompting != null) {
                        prompting.set(false);
                    }
                }
            }
            switch (d) {
                case ACCEPT_ONCE -> acceptedOnce.computeIfAbsent(host, h -> new HashSet<>()).add(fp);
                case ACCEPT_AND_SAVE -> save(host, key);
                default -> {
                    return new HostKeyRejectedException(host, fp);
                }
            }
            LOG.info("accepted host key {} {} for {} ({})", type, fp, host, d);
            return null;
        }
    }

    private List<Path> files() {
        List<Path> out = new ArrayList<>();
        out.add(appKnownHosts);
        out.addAll(readOnlyKnownHosts);
        return out;
    }

    private static List<KnownHostEntry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<KnownHostEntry> entries = KnownHostEntry.readKnownHostEntries(file);
        return entries == null ? List.of() : entries;
    }

    private static PublicKey resolve(KnownHostEntry e) {
        try {
            return e.getKeyEntry() == null ? null
                    : e.getKeyEntry().resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException ex) {
            LOG.debug("skipping unreadable known_hosts entry: {}", ex.toString());
            return null;
        }
    }

    private void save(HostPort host, PublicKey key) throws IOException {
        StringBuilder line = new StringBuilder();
        KnownHostHashValue.appendHostPattern(line, host.host(), host.port());
        line.append(' ');
        PublicKeyEntry.appendPublicKeyEntry(line, key);
        line.append('\n');
        String old = Files.isRegularFile(appKnownHosts) ? Files.readString(appKnownHosts, StandardCharsets.UTF_8) : "";
        if (!old.isEmpty() && !old.endsWith("\n")) {
            old += "\n";
        }
        if (appKnownHosts.getParent() != null) {
            Files.createDirectories(appKnownHosts.getParent());
        }
        AtomicFiles.write(appKnownHosts, (old + line).getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
    }

    /** The pinned fingerprints for a host, if any. */
    public Optional<Set<String>> pinnedFingerprints(HostPort host) {
        return Optional.ofNullable(pinned.get(host));
    }

    /** Builder. */
    public static final class Builder {
        private final Path appKnownHosts;
        private final List<Path> readOnly = new ArrayList<>();
        private Prompt prompt;
        private final Map<HostPort, Set<String>> pinned = new HashMap<>();

        private Builder(Path appKnownHosts) {
            this.appKnownHosts = Objects.requireNonNull(appKnownHosts);
        }

        /** Also read (never write) an OpenSSH known_hosts file, e.g. {@code ~/.ssh/known_hosts}. */
        public Builder alsoRead(Path knownHosts) {
            readOnly.add(Objects.requireNonNull(knownHosts));
            return this;
        }

        /** Also read the user's {@code ~/.ssh/known_hosts}. */
        public Builder alsoReadUserKnownHosts() {
            return alsoRead(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        }

        /** The trust-on-first-use callback. */
        public Builder prompt(Prompt p) {
            prompt = p;
            return this;
        }

        /**
         * Pins a host to a fingerprint: only keys with a pinned fingerprint are accepted for it, whatever
         * the known_hosts files say. May be called several times for one host (key rotation).
         *
         * @param fingerprint {@code SHA256:…} as OpenSSH prints it
         */
        public Builder pin(HostPort host, String fingerprint) {
            if (!fingerprint.startsWith("SHA256:")) {
                throw new IllegalArgumentException("pinned fingerprints must be SHA-256 (SHA256:…), got " + fingerprint);
            }
            pinned.computeIfAbsent(host, h -> new HashSet<>()).add(fingerprint);
            return this;
        }

        /** The immutable policy. */
        public HostKeyPolicy build() {
            return new HostKeyPolicy(this);
        }
    }
}
