package io.nestedge.model.rules;

/**
 * One result of validation: which rule, how bad, where, what is wrong and how to fix it.
 *
 * @param ruleId stable rule ID, e.g. {@code NE-HOST-LENGTH}
 * @param severity error, warning or info
 * @param deviceId the device concerned, or empty for plant-wide findings
 * @param field the field concerned, e.g. {@code hostname} or {@code modules[IoTEdgeAPIProxy].env.NGINX_DEFAULT_PORT}
 * @param message what is wrong, in words a technician understands
 * @param fix a concrete fix
 */
public record Finding(String ruleId, Severity severity, String deviceId, String field, String message, String fix) {
    /** Normalises nulls to empty strings. */
    public Finding {
        deviceId = deviceId == null ? "" : deviceId;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
        fix = fix == null ? "" : fix;
    }

    /** One line: {@code ERROR NE-HOST-LENGTH l3-gw hostname: … Fix: …}. */
    public String toLine() {
        return severity + " " + ruleId + " " + (deviceId.isEmpty() ? "(plant)" : deviceId)
                + (field.isEmpty() ? "" : " " + field) + ": " + message + (fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
