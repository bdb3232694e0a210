package io.nestedge.commissioning.virtualplant.runtime;

import io.nestedge.commissioning.virtualplant.tls.EdgeHubHost;
import io.nestedge.commissioning.virtualplant.tls.HostResolver;
import io.nestedge.commissioning.virtualplant.tls.ServerCertIssuer;
import java.time.Clock;

/**
 * What one emulated device's commands work with.
 *
 * @param fs the device file system (its root)
 * @param machineHostname the machine's own name (what {@code hostname} prints)
 * @param clock time source
 * @param resolver how the device resolves other hosts (parents)
 * @param edgeHubHost runs the emulated edgeHub (in this JVM, or as a daemon process)
 * @param issuer issues edgeHub's server certificate
 */
public record EmulatorContext(DeviceFs fs, String machineHostname, Clock clock, HostResolver resolver,
        EdgeHubHost edgeHubHost, ServerCertIssuer issuer) {

    /** The device's settings (defaults when none were saved). */
    public EmulatorSettings settings() throws java.io.IOException {
        return EmulatorSettings.load(fs);
    }

    /** The device's state store. */
    public StateStore state() {
        return new StateStore(fs);
    }

    /** Now, epoch milliseconds. */
    public long nowMillis() {
        return clock.millis();
    }
}
