package io.nestedge.model.io.yaml;

import java.util.List;

/**
 * What both nested-edge tool formats say, independent of their key spelling: the bridge between the
 * format classes and {@link ToolPlantMapper}. Strings are never null (empty when absent).
 *
 * @param hubHostname IoT Hub host name (iotedge_config only)
 * @param hubName IoT Hub name (iotedge_config only)
 * @param x509 true for X.509 device authentication, false for symmetric keys
 * @param rootCert root CA certificate path, empty when the tool generates a root
 * @param rootKey root CA private key path
 * @param templateConfigPath config.toml template path
 * @param defaultEdgeAgent edgeAgent image for devices that name none
 * @param roots top-layer devices, each with its subtree
 */
record ToolConfig(String hubHostname, String hubName, boolean x509, String rootCert, String rootKey,
        String templateConfigPath, String defaultEdgeAgent, List<Edge> roots) {

    ToolConfig {
        hubHostname = nz(hubHostname);
        hubName = nz(hubName);
        rootCert = nz(rootCert);
        rootKey = nz(rootKey);
        templateConfigPath = nz(templateConfigPath);
        defaultEdgeAgent = nz(defaultEdgeAgent);
        roots = roots == null ? List.of() : List.copyOf(roots);
    }

    /**
     * An IoT Edge device of the tool config.
     *
     * @param id device ID
     * @param hostname hostname (empty: the tool's install script asks for it)
     * @param edgeAgent edgeAgent image (empty: the default)
     * @param deployment deployment manifest path (empty: none)
     * @param auth container registry credentials, or null
     * @param children IoT Edge children
     * @param leaves leaf devices
     * @param where key path and line of the device in the file, for errors (empty when not read from a file)
     */
    record Edge(String id, String hostname, String edgeAgent, String deployment, ContainerAuth auth,
            List<Edge> children, List<Leaf> leaves, String where) {
        Edge {
            id = nz(id);
            hostname = nz(hostname);
            edgeAgent = nz(edgeAgent);
            deployment = nz(deployment);
            children = children == null ? List.of() : List.copyOf(children);
            leaves = leaves == null ? List.of() : List.copyOf(leaves);
            where = nz(where);
        }
    }

    /**
     * A leaf device (iotedge_config {@code leaf} entries).
     *
     * @param id device ID
     * @param deployment deployment path (empty: none)
     * @param where key path and line, for errors
     */
    record Leaf(String id, String deployment, String where) {
        Leaf {
            id = nz(id);
            deployment = nz(deployment);
            where = nz(where);
        }
    }

    /**
     * Registry credentials of a device ({@code container_auth} / {@code containerAuth}). The password
     * itself is never kept.
     *
     * @param server registry address
     * @param username user name
     * @param hadPassword true when the file held a password (which was dropped)
     */
    record ContainerAuth(String server, String username, boolean hadPassword) {
        ContainerAuth {
            server = nz(server);
            username = nz(username);
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
