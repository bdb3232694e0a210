package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The building blocks of the deployment-manifest checks ({@link EdgeAgentRules}, {@link EdgeHubRules}):
 * a string (optionally with a condition), one of fixed words, a whole number in a range, a scalar, a
 * list, a string-or-object, and objects with named and name-pattern properties. Deliberately small:
 * it covers what the edgeAgent/edgeHub deployment schemas use, nothing more.
 */
final class ManifestRules {
    /** Largest unsigned 32-bit number, the upper bound of {@code startupOrder} and a route's {@code timeToLiveSecs}. */
    static final BigInteger UINT32_MAX = BigInteger.valueOf(4_294_967_295L);

    private ManifestRules() {
    }

    /** Any JSON string. */
    static ManifestRule text() {
        return text("a string", s -> true);
    }

    /** A JSON string for which {@code ok} holds; {@code expected} says what it must look like. */
    static ManifestRule text(String expected, Predicate<String> ok) {
        return new ManifestRule() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public void check(JsonNode value, String path, List<String> problems) {
                if (!value.isTextual() || !ok.test(value.asText())) {
                    wrong(value, path, problems);
                }
            }
        };
    }

    /** A non-empty string on one line (no CR, LF, NEL, LS, PS), as the schemas' {@code ^.+$}. */
    static ManifestRule oneLine(String what) {
        return text(what + " (a non-empty string on one line)", s -> !s.isEmpty() && isOneLine(s));
    }

    static boolean isOneLine(String s) {
        return s.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    /** Exactly one of the given strings. */
    static ManifestRule oneOf(String... words) {
        Set<String> allowed = Set.of(words);
        return text("one of " + String.join(", ", words), allowed::contains);
    }

    /** A JSON integer (no fraction, not a string) from {@code min} to {@code max} inclusive; null bounds = open. */
    static ManifestRule wholeNumber(BigInteger min, BigInteger max) {
        String range = min == null && max == null ? "" : " from " + min + " to " + max;
        return new ManifestRule() {
            @Override
            public String expected() {
                return "a whole number" + range;
            }

            @Override
            public void check(JsonNode value, String path, List<String> problems) {
                if (!value.isIntegralNumber()
                        || (min != null && value.bigIntegerValue().compareTo(min) < 0)
                        || (max != null && value.bigIntegerValue().compareTo(max) > 0)) {
                    wrong(value, path, problems);
                }
            }
        };
    }

    /** Any JSON integer. */
    static ManifestRule wholeNumber() {
        return wholeNumber(null, null);
    }

    /** A string, a number or a boolean (not null, not an object or array). */
    static ManifestRule scalar() {
        return new ManifestRule() {
            @Override
            public String expected() {
                return "a string, number or boolean";
            }

            @Override
            public void check(JsonNode value, String path, List<String> problems) {
                if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                    wrong(value, path, problems);
                }
            }
        };
    }

    /** A JSON array whose every item passes {@code item}. */
    static ManifestRule listOf(ManifestRule item) {
        return new ManifestRule() {
            @Override
            public String expected() {
                return "a list of " + item.expected();
            }

            @Override
            public void check(JsonNode value, String path, List<String> problems) {
                if (!value.isArray()) {
                    wrong(value, path, problems);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    item.check(value.get(i), ManifestRule.item(path, i), problems);
                }
            }
        };
    }

    /** A string checked by {@code text} or an object checked by {@code object} (e.g. a route). */
    static ManifestRule textOrObject(ManifestRule text, ManifestRule object) {
        return new ManifestRule() {
            @Override
            public String expected() {
                return text.expected() + ", or " + object.expected();
            }

            @Override
            public void check(JsonNode value, String path, List<String> problems) {
                if (value.isTextual()) {
                    text.check(value, path, problems);
                } else if (value.isObject()) {
                    object.check(value, path, problems);
                } else {
                    wrong(value, path, problems);
                }
            }
        };
    }

    /** Starts an object rule named {@code what} (used in messages, e.g. "module settings"). */
    static ObjectRule object(String what) {
        return new ObjectRule(what, Map.of(), List.of(), List.of(), false);
    }

    /** Properties whose names match a pattern, all checked by one rule (e.g. modules by name). */
    record Entries(Pattern names, String namesExpected, ManifestRule value) {
        boolean matches(String key) {
            return names.matcher(key).matches();
        }
    }

    /**
     * A JSON object: named properties (required or optional), properties whose names match a
     * pattern ({@link Entries}), and — unless {@link #othersAllowed()} — nothing else. A name that is
     * both named and matches a pattern gets both checks.
     */
    static final class ObjectRule implements ManifestRule {
        private record Named(ManifestRule rule, boolean required) {
        }

        private final String what;
        private final Map<String, Named> named;
        private final List<Entries> entries;
        private final List<String> namesInOrder;
        private final boolean othersAllowed;

        private ObjectRule(String what, Map<String, Named> named, List<Entries> entries, List<String> namesInOrder,
                boolean othersAllowed) {
            this.what = what;
            this.named = named;
            this.entries = entries;
            this.namesInOrder = namesInOrder;
            this.othersAllowed = othersAllowed;
        }

        /** Adds a property that must be present. */
        ObjectRule required(String name, ManifestRule rule) {
            return with(name, new Named(rule, true));
        }

        /** Adds a property that may be present. */
        ObjectRule optional(String name, ManifestRule rule) {
            return with(name, new Named(rule, false));
        }

        /** Adds properties whose whole name matches {@code names}; {@code namesExpected} describes the names. */
        ObjectRule entries(String names, String namesExpected, ManifestRule value) {
            List<Entries> e = new ArrayList<>(entries);
            e.add(new Entries(Pattern.compile(names), namesExpected, value));
            return new ObjectRule(what, named, List.copyOf(e), namesInOrder, othersAllowed);
        }

        /** Lets properties the rule does not name through unchecked (the schema has no additionalProperties: false). */
        ObjectRule othersAllowed() {
            return new ObjectRule(what, named, entries, namesInOrder, true);
        }

        private ObjectRule with(String name, Named n) {
            Map<String, Named> m = new LinkedHashMap<>(named);
            m.put(name, n);
            return new ObjectRule(what, m, entries, List.copyOf(m.keySet()), othersAllowed);
        }

        @Override
        public String expected() {
            return what + " (an object)";
        }

        @Override
        public void check(JsonNode value, String path, List<String> problems) {
            if (!value.isObject()) {
                wrong(value, path, problems);
                return;
            }
            named.forEach((name, n) -> {
                if (n.required() && !value.has(name)) {
                    problems.add(ManifestRule.child(path, name) + ": missing; expected " + n.rule().expected());
                }
            });
            for (Map.Entry<String, JsonNode> p : value.properties()) {
                String key = p.getKey();
                String at = ManifestRule.child(path, key);
                Named n = named.get(key);
                boolean known = n != null;
                if (known) {
                    n.rule().check(p.getValue(), at, problems);
                }
                for (Entries e : entries) {
                    if (e.matches(key)) {
                        known = true;
                        e.value().check(p.getValue(), at, problems);
                    }
                }
                if (!known && !othersAllowed) {
                    problems.add(at + ": not allowed in " + what + "; " + allowedNames());
                }
            }
        }

        private String allowedNames() {
            List<String> parts = new ArrayList<>();
            if (!namesInOrder.isEmpty()) {
                parts.add(String.join(", ", namesInOrder));
            }
            entries.forEach(e -> parts.add(e.namesExpected()));
            return parts.isEmpty() ? "it takes no properties" : "expected " + String.join("; or ", parts);
        }

        @Override
        public String toString() {
            return "ObjectRule[" + what + ", " + Arrays.toString(named.keySet().toArray()) + "]";
        }
    }
}
