package io.nestedge.model;

/**
 * Plant-wide API proxy convention: the same module name and port on every layer (facts file §5).
 *
 * @param moduleName API proxy module name, e.g. {@code IoTEdgeAPIProxy}
 * @param port the proxy's host port and {@code NGINX_DEFAULT_PORT}, e.g. 443
 */
public record ApiProxySettings(String moduleName, int port) {
    /** Normalises nulls: {@code IoTEdgeAPIProxy}, port 443. */
    public ApiProxySettings {
        moduleName = moduleName == null || moduleName.isBlank() ? "IoTEdgeAPIProxy" : moduleName;
        port = port <= 0 ? 443 : port;
    }
}
