package io.nestedge.commissioning.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks IoT Hub secrets in device output before it is shown, journaled or reported. A device quotes
 * its config.toml when it cannot parse it ({@code iotedge config apply}: "TOML parse error at line 14
 * … 14 | connection_string = "HostName=…;SharedAccessKey=…"", facts §3), and the restore path
 * re-applies a previous, hand-edited config.toml; the SAS key of a connection string, the inline
 * {@code symmetric_key}/{@code device_id_pk} values and SAS token signatures become {@value #MASK}.
 * Everything else is kept as the device printed it. Stateless and thread-safe.
 */
public final class SecretRedaction {
    /** What a masked secret reads as. */
    public static final String MASK = "<redacted>";

    /** SharedAccessKey=… in a connection string (up to ';', a quote or white space). */
    private static final Pattern SAS_KEY = Pattern.compile("(?i)(SharedAccessKey\\s*=\\s*)[^;\"'\\s]+");
    /** sig=… in a SharedAccessSignature token. */
    private static final Pattern SAS_SIG = Pattern.compile("(?i)((?:SharedAccessSignature\\b[^\\n]*?[\\s&])sig=)[^&\"'\\s]+");
    /** symmetric_key / device_id_pk = { value = "…" } (config.toml's inline SAS keys), also the bare "key = …" forms. */
    private static final Pattern TOML_KEY = Pattern.compile(
            "(?i)((?:symmetric_key|device_id_pk)\\s*=\\s*(?:\\{\\s*value\\s*=\\s*)?[\"'])[^\"'\\n]*");

    private SecretRedaction() {
    }

    /**
     * @param text device output, a summary or a remark; may be null
     * @return the text with every secret masked (null stays null)
     */
    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = replace(SAS_KEY, text);
        t = replace(SAS_SIG, t);
        return replace(TOML_KEY, t);
    }

    private static String replace(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK)) : text;
    }
}
