package io.nestedge.commissioning.virtualplant.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Loads and saves {@link RuntimeState} as JSON under the device root ({@value #PATH}), written
 * atomically so separate processes (the test bed runs each command as its own process) share it.
 * Updates are serialised within one JVM; across processes the last writer wins, which is enough for
 * one technician's commands run one after another.
 */
public final class StateStore {
    /** Device path of the state file. */
    public static final String PATH = "/var/lib/nestedge-emulator/state.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final DeviceFs fs;

    /** @param fs the device file system */
    public StateStore(DeviceFs fs) {
        this.fs = fs;
    }

    /** The current state (initial when none was saved). */
    public synchronized RuntimeState load() throws IOException {
        if (!fs.exists(PATH)) {
            return RuntimeState.initial();
        }
        return JSON.readValue(fs.readBytes(PATH), RuntimeState.class);
    }

    /** Saves a state. */
    public synchronized void save(RuntimeState s) throws IOException {
        fs.writeAtomic(PATH, JSON.writeValueAsBytes(s), "600", "root");
    }

    /** Loads, applies {@code op}, saves, and returns the new state. */
    public synchronized RuntimeState update(UnaryOperator<RuntimeState> op) throws IOException {
        RuntimeState s = op.apply(load());
        save(s);
        return s;
    }
}
