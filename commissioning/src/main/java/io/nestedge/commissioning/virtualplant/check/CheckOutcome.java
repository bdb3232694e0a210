package io.nestedge.commissioning.virtualplant.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one check, in the runtime's model (facts §6): a result kind, details (the message
 * first — it may hold several lines — then its causes, printed as {@code caused by:} lines), and
 * optional additional info for the JSON output.
 *
 * @param result ok | warning | ignored | skipped | fatal | error
 * @param details message then causes; empty for ok/ignored/skipped
 * @param additionalInfo extra JSON fields (e.g. hostname, port)
 * @param skipReason why a skipped check was skipped ("previous failures", or what the emulator cannot do)
 */
public record CheckOutcome(Result result, List<String> details, Map<String, Object> additionalInfo, String skipReason) {

    /** Result kinds with their JSON names. */
    public enum Result {
        /** Succeeded. */ OK("ok"),
        /** Passed with a warning. */ WARNING("warning"),
        /** Not applicable; not printed in text. */ IGNORED("ignored"),
        /** Not run; never counted as success. */ SKIPPED("skipped"),
        /** Failed; stops every later check. */ FATAL("fatal"),
        /** Failed. */ ERROR("error");

        private final String json;

        Result(String json) {
            this.json = json;
        }

        /** The JSON "result" value. */
        public String json() {
            return json;
        }
    }

    /** Normalises nulls. */
    public CheckOutcome {
        details = details == null ? List.of() : List.copyOf(details);
        additionalInfo = additionalInfo == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(additionalInfo));
    }

    /** OK. */
    public static CheckOutcome ok() {
        return new CheckOutcome(Result.OK, List.of(), Map.of(), null);
    }

    /** Not applicable. */
    public static CheckOutcome ignored() {
        return new CheckOutcome(Result.IGNORED, List.of(), Map.of(), null);
    }

    /** Skipped because an earlier check failed. */
    public static CheckOutcome skippedAfterFailure() {
        return new CheckOutcome(Result.SKIPPED, List.of(), Map.of(), "previous failures");
    }

    /** Skipped because the emulator cannot evaluate it truthfully; {@code reason} says why. */
    public static CheckOutcome notEvaluable(String reason) {
        return new CheckOutcome(Result.SKIPPED, List.of(), Map.of(), reason);
    }

    /** A warning: message then causes. */
    public static CheckOutcome warning(String message, String... causes) {
        return new CheckOutcome(Result.WARNING, chain(message, causes), Map.of(), null);
    }

    /** An error: message then causes. */
    public static CheckOutcome error(String message, String... causes) {
        return new CheckOutcome(Result.ERROR, chain(message, causes), Map.of(), null);
    }

    /** A fatal error: message then causes. */
    public static CheckOutcome fatal(String message, String... causes) {
        return new CheckOutcome(Result.FATAL, chain(message, causes), Map.of(), null);
    }

    /** Copy with additional info. */
    public CheckOutcome withInfo(Map<String, Object> info) {
        return new CheckOutcome(result, details, info, skipReason);
    }

    private static List<String> chain(String message, String... causes) {
        List<String> l = new java.util.ArrayList<>();
        l.add(message);
        l.addAll(List.of(causes));
        return l;
    }
}
