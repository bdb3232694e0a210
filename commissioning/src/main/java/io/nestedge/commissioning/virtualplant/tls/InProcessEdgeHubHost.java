package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;

/** Runs a virtual device's edgeHub inside this JVM. Thread-safe. */
public final class InProcessEdgeHubHost implements EdgeHubHost, AutoCloseable {
    private EdgeHubServer server;

    @Override
    public synchronized Outcome restart(EmulatorContext ctx) {
        stop(ctx);
        EdgeHubBoot.Started s = EdgeHubBoot.start(ctx);
        if (s.failure() != null) {
            return s.failure();
        }
        server = s.server();
        return new Running(server.ports());
    }

    @Override
    public synchronized void stop(EmulatorContext ctx) {
        close();
    }

    /** True while edgeHub listens. */
    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
