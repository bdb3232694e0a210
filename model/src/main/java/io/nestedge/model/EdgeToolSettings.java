package io.nestedge.model;

/**
 * Plant-wide settings of Microsoft's nested-edge tools ({@code iotedge_config_cli} and
 * {@code az iot edge devices create}) kept so that an imported tool config can be exported again
 * unchanged. NestEdge Studio itself generates config.toml and edgeAgent images per device and does
 * not need them.
 *
 * @param templateConfigPath {@code template_config_path} / {@code templateConfigPath}: the config.toml
 *     template the tool fills in, as written in the tool config (relative paths kept as they are)
 * @param defaultEdgeAgent {@code default_edge_agent} / {@code defaultEdgeAgent}: the edgeAgent image of
 *     devices that name none, e.g. {@code $upstream:443/azureiotedge-agent:1.5}
 */
public record EdgeToolSettings(String templateConfigPath, String defaultEdgeAgent) {
    /** No tool settings. */
    public static final EdgeToolSettings NONE = new EdgeToolSettings("", "");

    /** Normalises nulls to empty. */
    public EdgeToolSettings {
        templateConfigPath = templateConfigPath == null ? "" : templateConfigPath;
        defaultEdgeAgent = defaultEdgeAgent == null ? "" : defaultEdgeAgent;
    }

    /** True when both settings are empty. */
    public boolean isEmpty() {
        return templateConfigPath.isEmpty() && defaultEdgeAgent.isEmpty();
    }
}
