package io.nestedge.commissioning.virtualplant.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a {@link CheckReport} as the runtime's {@code --output json} (facts §6; sample
 * {@code iotedge-check-child.json}): one line,
 * {@code {"additional_info":{…},"checks":{"<id>":{"result":"…","details":[…],"additional_info":{…}}}}};
 * {@code details} only for warnings and errors, {@code additional_info} only when non-empty.
 */
public final class CheckJsonFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckJsonFormatter() {
    }

    /** Renders the report (one line, newline-terminated). */
    public static String format(CheckReport report) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (CheckReport.Entry e : report.entries()) {
            Map<String, Object> c = new LinkedHashMap<>();
            CheckOutcome o = e.outcome();
            c.put("result", o.result().json());
            if (!o.details().isEmpty()) {
                c.put("details", o.details());
            }
            if (!o.additionalInfo().isEmpty()) {
                c.put("additional_info", o.additionalInfo());
            }
            checks.put(e.id(), c);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("additional_info", report.additionalInfo());
        doc.put("checks", checks);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
