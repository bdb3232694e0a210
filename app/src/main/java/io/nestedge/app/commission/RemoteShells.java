package io.nestedge.app.commission;

import io.nestedge.commissioning.plan.CommissioningPlan;
import io.nestedge.commissioning.plan.SshDeviceShell;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.Hop;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.Route;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Opens a device shell along the same route a run uses (the plan's jump route through parents). */
final class RemoteShells {
    private RemoteShells() {
    }

    static SshDeviceShell open(SshService ssh, Function<Device, HostPort> addresses, Function<Device, Credentials> logins,
            SshDeviceShell.SudoPasswords sudo, Plant plant, Path exportDir, String deviceId) throws InputException {
        CommissioningPlan.DevicePlan p = CommissioningService.plan(plant, exportDir, List.of(deviceId)).devices().get(0);
        List<Hop> jumps = new ArrayList<>();
        for (String id : p.route()) {
            Device hop = plant.deviceOrNull(id);
            jumps.add(new Hop(addresses.apply(hop), logins.apply(hop)));
        }
        Hop target = new Hop(addresses.apply(p.device()), logins.apply(p.device()));
        Route route = jumps.isEmpty() ? Route.direct(target) : Route.via(jumps, target);
        return new SshDeviceShell(ssh, route, sudo, deviceId);
    }
}
