package io.nestedge.model.export;

import static io.nestedge.model.export.ManifestRules.UINT32_MAX;
import static io.nestedge.model.export.ManifestRules.listOf;
import static io.nestedge.model.export.ManifestRules.object;
import static io.nestedge.model.export.ManifestRules.oneLine;
import static io.nestedge.model.export.ManifestRules.oneOf;
import static io.nestedge.model.export.ManifestRules.text;
import static io.nestedge.model.export.ManifestRules.textOrObject;
import static io.nestedge.model.export.ManifestRules.wholeNumber;

import java.math.BigInteger;

/**
 * What {@code modulesContent.$edgeHub} must look like: the rules of the official edgeHub 1.1 and 1.2
 * deployment schemas (azure-iot-edgehub-deployment-1.1.json / -1.2.json, facts §5), written out:
 * <ul>
 * <li>{@code properties.desired} with {@code schemaVersion} "1.1" or "1.2", {@code routes}, optional
 *     {@code storeAndForwardConfiguration} (exactly {@code timeToLiveSecs}, a whole number) and, in 1.2
 *     only, {@code mqttBroker}; nothing else;</li>
 * <li>{@code routes}: names without {@code . $ #} or space → a route statement (non-empty, one line)
 *     or {@code {"route": …, "priority": 0…9, "timeToLiveSecs": 0…4294967295}};</li>
 * <li>{@code mqttBroker} (1.2): {@code bridges} [{endpoint containing {@code $upstream}, settings
 *     [{direction in|out, topic, inPrefix, outPrefix}]}] and {@code authorizations}
 *     [{identities [non-empty strings], allow/deny [{operations [mqtt:connect|mqtt:subscribe|mqtt:publish],
 *     resources [non-empty strings]}]}], each object closed.</li>
 * </ul>
 * One deliberate difference: {@code schemaVersion} must be exactly "1.1" or "1.2" (the schemas'
 * unanchored patterns also let e.g. "1.1.0" through).
 */
final class EdgeHubRules {
    static final ManifestRule ROUTE = textOrObject(oneLine("a route statement"), object("a route")
            .required("route", oneLine("a route statement"))
            .optional("priority", wholeNumber(BigInteger.ZERO, BigInteger.valueOf(9)))
            .optional("timeToLiveSecs", wholeNumber(BigInteger.ZERO, UINT32_MAX)));

    static final ManifestRule ROUTES = object("routes")
            .entries("^[^.$# ]+$", "route names without '.', '$', '#' or space", ROUTE);

    static final ManifestRule STORE_AND_FORWARD = object("storeAndForwardConfiguration")
            .required("timeToLiveSecs", wholeNumber());

    static final ManifestRule POLICY = listOf(object("an authorization rule")
            .optional("operations", listOf(oneOf("mqtt:connect", "mqtt:subscribe", "mqtt:publish")))
            .optional("resources", listOf(oneLine("a topic or resource"))));

    static final ManifestRule MQTT_BROKER = object("mqttBroker")
            .optional("bridges", listOf(object("a bridge")
                    .optional("endpoint", text("an endpoint naming $upstream", s -> s.contains("$upstream")))
                    .optional("settings", listOf(object("a bridge setting")
                            .optional("direction", oneOf("in", "out"))
                            .optional("topic", text("a topic on one line", ManifestRules::isOneLine))
                            .optional("inPrefix", text("a prefix on one line", ManifestRules::isOneLine))
                            .optional("outPrefix", text("a prefix on one line", ManifestRules::isOneLine))))))
            .optional("authorizations", listOf(object("an authorization")
                    .optional("identities", listOf(oneLine("an identity")))
                    .optional("allow", POLICY)
                    .optional("deny", POLICY)));

    /** The {@code $edgeHub} twin for schema version 1.1. */
    static final ManifestRule TWIN_1_1 = object("the $edgeHub twin").required("properties.desired",
            object("edgeHub desired properties (1.1)")
                    .required("schemaVersion", text("\"1.1\" or \"1.2\"", "1.1"::equals))
                    .required("routes", ROUTES)
                    .optional("storeAndForwardConfiguration", STORE_AND_FORWARD));

    /** The {@code $edgeHub} twin for schema version 1.2. */
    static final ManifestRule TWIN_1_2 = object("the $edgeHub twin").required("properties.desired",
            object("edgeHub desired properties (1.2)")
                    .required("schemaVersion", text("\"1.2\"", "1.2"::equals))
                    .required("routes", ROUTES)
                    .optional("storeAndForwardConfiguration", STORE_AND_FORWARD)
                    .optional("mqttBroker", MQTT_BROKER));

    private EdgeHubRules() {
    }
}
