package io.nestedge.commissioning.virtualplant.daemon;

import io.nestedge.model.KeyType;
import io.nestedge.model.pki.KeyPairs;
import java.security.KeyPair;
import java.util.function.Supplier;

/**
 * One RSA-2048 key pair generated ahead of time for the emulated edgeHub's next server certificate.
 * The real runtime's keyd generates that key natively in milliseconds; the emulator's C1-only JVM
 * needs about half a second of CPU, which on the test bed would be spent during the very
 * commissioning being measured. The daemon fills the reserve while it warms up; {@link #get()} hands
 * the reserved pair out once (every certificate still gets its own fresh key) and generates later
 * ones on demand. Thread-safe.
 */
public final class RsaKeyReserve implements Supplier<KeyPair> {
    private KeyPair reserved;

    /** Generates the reserved pair now, if there is none. */
    public synchronized void fill() {
        if (reserved == null) {
            reserved = KeyPairs.generate(KeyType.RSA_2048);
        }
    }

    /** @return the reserved pair (once), else a newly generated one */
    @Override
    public synchronized KeyPair get() {
        KeyPair kp = reserved;
        reserved = null;
        return kp != null ? kp : KeyPairs.generate(KeyType.RSA_2048);
    }

    /** @return true when a reserved pair is waiting */
    public synchronized boolean filled() {
        return reserved != null;
    }
}
