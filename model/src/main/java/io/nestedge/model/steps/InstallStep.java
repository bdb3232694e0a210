package io.nestedge.model.steps;

import java.util.List;

/**
 * One step of installing a bundle on a device, as shown to the technician and recorded in the
 * journal.
 *
 * @param id stable ID, e.g. {@code install-certs}
 * @param title e.g. "Install certificates and keys"
 * @param actions what the step does, in order
 * @param verification true for read-only checks that a resumed run repeats
 */
public record InstallStep(String id, String title, List<Action> actions, boolean verification) {
    /** Copies the list. */
    public InstallStep {
        actions = List.copyOf(actions);
    }
}
