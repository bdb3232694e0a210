package io.nestedge.app.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (the POM version), or "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"NestEdge Studio " + (v == null ? "dev" : v)};
    }
}
