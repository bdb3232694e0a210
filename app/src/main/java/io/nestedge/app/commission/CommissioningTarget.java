package io.nestedge.app.commission;

import io.nestedge.commissioning.plan.DeviceShell;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a run goes: the {@link CommissioningService} to drive, the export directory it reads the
 * bundles from, and a shell per device for fixes the tool applies (remedies). Close it to end its
 * SSH sessions (and, for a rehearsal, to stop the virtual plant).
 */
public interface CommissioningTarget extends AutoCloseable {
    /** One line for the panel ("Virtual plant (rehearsal)…", "Real devices…"). */
    String describe();

    /** The service. */
    CommissioningService service();

    /** The export directory with one bundle per device. */
    Path exportDir();

    /** Pass phrase of the bundles' encrypted keys (USB bundles), or a supplier of null for plain keys. */
    Supplier<char[]> bundlePassphrase();

    /**
     * A shell on a device for a remedy, reached like the run reaches it (through its parents when
     * isolated), with the same host-key policy and logins.
     *
     * @throws InputException when the device has no bundle in the export directory
     */
    DeviceShell shell(Plant plant, String deviceId) throws InputException;

    /** Ends SSH sessions; a rehearsal also stops its virtual plant. Never throws. */
    @Override
    void close();
}
