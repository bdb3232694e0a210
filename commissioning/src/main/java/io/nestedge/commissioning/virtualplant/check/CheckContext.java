package io.nestedge.commissioning.virtualplant.check;

import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeState;
import java.io.IOException;

/**
 * What the checks share during one {@code iotedge check} run: the device, the applied
 * configuration (what the daemons were configured with), the state, and results earlier checks
 * leave for later ones (as the runtime's checker cache does).
 */
final class CheckContext {
    final EmulatorContext ctx;
    final String user;
    final EdgeConfig applied;
    final RuntimeState state;
    boolean certdRunning;
    boolean keydRunning;
    boolean certsReadOk;
    boolean keysReadOk;
    boolean edgedConfigOk;

    CheckContext(EmulatorContext ctx, String user) throws IOException {
        this.ctx = ctx;
        this.user = user;
        this.applied = new RuntimeEmulator(ctx).appliedConfig();
        this.state = ctx.state().load();
    }
}
