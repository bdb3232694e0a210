package io.nestedge.model.export;

import static io.nestedge.model.export.ManifestRules.UINT32_MAX;
import static io.nestedge.model.export.ManifestRules.object;
import static io.nestedge.model.export.ManifestRules.oneOf;
import static io.nestedge.model.export.ManifestRules.scalar;
import static io.nestedge.model.export.ManifestRules.text;
import static io.nestedge.model.export.ManifestRules.wholeNumber;

import java.math.BigInteger;

/**
 * What {@code modulesContent.$edgeAgent} must look like: the rules of the official edgeAgent 1.1
 * deployment schema (azure-iot-edgeagent-deployment-1.1.json, facts §5), written out:
 * <ul>
 * <li>{@code properties.desired} with {@code schemaVersion} "1.1", {@code runtime},
 *     {@code systemModules}, {@code modules}; nothing else at either level;</li>
 * <li>{@code runtime}: {@code type} docker, {@code settings} with optional {@code minDockerVersion},
 *     {@code loggingOptions} (strings) and {@code registryCredentials} (name without {@code . $ #} or
 *     space → {@code username}, {@code password}, {@code address} without whitespace);</li>
 * <li>{@code systemModules.edgeAgent}: {@code type}, {@code settings}, optional {@code env},
 *     {@code imagePullPolicy}; {@code systemModules.edgeHub} also needs {@code status} and
 *     {@code restartPolicy} and may have {@code startupOrder};</li>
 * <li>{@code modules}: names {@code ^[a-zA-Z0-9_-]+$}, each with {@code type} docker, {@code status}
 *     running|stopped, {@code restartPolicy} never|on-failure|on-unhealthy|always, {@code settings},
 *     optional {@code version} (string), {@code env}, {@code imagePullPolicy} never|on-create,
 *     {@code startupOrder} 0…4294967295;</li>
 * <li>module {@code settings}: {@code image} (string) and {@code createOptions},
 *     {@code createOptions01}… (also spelt {@code createoptions}) as strings, nothing else;</li>
 * <li>{@code env}: names without {@code + # $ .} or whitespace → {@code {"value": string|number|boolean}}.</li>
 * </ul>
 * One deliberate difference: {@code schemaVersion} must be exactly "1.1" (the schema's unanchored
 * pattern {@code 1.1} also lets "1.1.0" or "21x13" through).
 */
final class EdgeAgentRules {
    static final ManifestRule DOCKER = oneOf("docker");
    static final ManifestRule STATUS = oneOf("running", "stopped");
    static final ManifestRule RESTART_POLICY = oneOf("never", "on-failure", "on-unhealthy", "always");
    static final ManifestRule IMAGE_PULL_POLICY = oneOf("never", "on-create");
    static final ManifestRule STARTUP_ORDER = wholeNumber(BigInteger.ZERO, UINT32_MAX);

    /** A module name as the schema allows it in {@code modules}. */
    static final String MODULE_NAME = "^[a-zA-Z0-9_-]+$";

    static final ManifestRule ENV = object("env").entries("^[^+#$\\s.]+$",
            "variable names without '+', '#', '$', '.' or whitespace",
            object("environment variable").required("value", scalar()));

    static final ManifestRule MODULE_SETTINGS = object("module settings")
            .required("image", text())
            .entries("^(createoptions|createOptions)[0-9]*$", "createOptions, createOptions01, …",
                    text("create options as a JSON string", s -> true));

    static final ManifestRule REGISTRY_CREDENTIAL = object("registry credential")
            .required("username", text())
            .required("password", text())
            .required("address", text("a registry address without whitespace", s -> s.matches("\\S+")));

    static final ManifestRule RUNTIME = object("runtime")
            .required("type", DOCKER)
            .required("settings", object("runtime settings")
                    .optional("minDockerVersion", text())
                    .optional("loggingOptions", text())
                    .optional("registryCredentials", object("registry credentials")
                            .entries("^[^.$# ]+$", "credential names without '.', '$', '#' or space", REGISTRY_CREDENTIAL)));

    static final ManifestRule SYSTEM_EDGE_AGENT = object("the edgeAgent system module")
            .required("type", DOCKER)
            .required("settings", MODULE_SETTINGS)
            .optional("env", ENV)
            .optional("imagePullPolicy", IMAGE_PULL_POLICY);

    static final ManifestRule SYSTEM_EDGE_HUB = object("the edgeHub system module")
            .required("type", DOCKER)
            .required("settings", MODULE_SETTINGS)
            .required("status", STATUS)
            .required("restartPolicy", RESTART_POLICY)
            .optional("env", ENV)
            .optional("imagePullPolicy", IMAGE_PULL_POLICY)
            .optional("startupOrder", STARTUP_ORDER);

    static final ManifestRule MODULE = object("a module")
            .required("type", DOCKER)
            .required("status", STATUS)
            .required("restartPolicy", RESTART_POLICY)
            .required("settings", MODULE_SETTINGS)
            .optional("version", text())
            .optional("env", ENV)
            .optional("imagePullPolicy", IMAGE_PULL_POLICY)
            .optional("startupOrder", STARTUP_ORDER);

    static final ManifestRule DESIRED = object("edgeAgent desired properties")
            .required("schemaVersion", text("\"1.1\"", "1.1"::equals))
            .required("runtime", RUNTIME)
            .required("systemModules", object("systemModules")
                    .required("edgeAgent", SYSTEM_EDGE_AGENT)
                    .required("edgeHub", SYSTEM_EDGE_HUB))
            .required("modules", object("modules")
                    .entries(MODULE_NAME, "module names matching " + MODULE_NAME, MODULE));

    /** The whole {@code $edgeAgent} twin. */
    static final ManifestRule TWIN = object("the $edgeAgent twin").required("properties.desired", DESIRED);

    private EdgeAgentRules() {
    }
}
