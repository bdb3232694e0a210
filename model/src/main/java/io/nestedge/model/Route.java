package io.nestedge.model;

/**
 * An edgeHub route (facts file §5): {@code FROM <source> [WHERE <cond>] INTO <sink>}.
 *
 * @param name route name (key in the {@code routes} object of the edgeHub desired properties)
 * @param statement the route statement, e.g. {@code FROM /messages/* INTO $upstream}
 */
public record Route(String name, String statement) {
    /** Normalises nulls to empty strings. */
    public Route {
        name = name == null ? "" : name;
        statement = statement == null ? "" : statement;
    }

    /** True when the statement sends to {@code $upstream} (case-insensitive keywords). */
    public boolean sendsUpstream() {
        return statement.replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT).contains("INTO $UPSTREAM");
    }
}
