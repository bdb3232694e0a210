package io.nestedge.commissioning.ssh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test helper: closes what a test opened, last opened first. */
final class Closer implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code c} to be closed by {@link #close()} and returns it. */
    <C extends AutoCloseable> C keep(C c) {
        opened.add(c);
        return c;
    }

    /** Closes everything kept, in reverse order, and forgets it. */
    @Override
    public void close() throws Exception {
        Collections.reverse(opened);
        try {
            for (AutoCloseable c : opened) {
                c.close();
            }
        } finally {
            opened.clear();
        }
    }
}
