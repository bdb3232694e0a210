package io.nestedge.app.cli;

import io.nestedge.model.io.yaml.EdgeToolFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Converts {@code iotedge-config} / {@code az-devices} to an {@link EdgeToolFormat}; lists them for help and completion. */
public final class EdgeToolFormatConverter implements CommandLine.ITypeConverter<EdgeToolFormat>, Iterable<String> {
    @Override
    public EdgeToolFormat convert(String value) {
        return EdgeToolFormat.byCliName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown format '" + value + "'; expected one of: " + EdgeToolFormat.cliNames()));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(EdgeToolFormat.values()).map(EdgeToolFormat::cliName).iterator();
    }
}
