package io.nestedge.model.export;

import static io.nestedge.model.export.ManifestMutations.KEYS;
import static io.nestedge.model.export.ManifestMutations.VALUES;
import static io.nestedge.model.export.ManifestMutations.WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nestedge.model.export.ManifestMutations.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random mutations of valid manifests — remove a property, add an unknown one, rename a key (bad
 * module/route/env names), replace a value with another type or another word (bad status,
 * restartPolicy, createOptions as an object, …), one to three at a time, half of them aimed at the
 * places the schemas constrain: our checks reject exactly when the official schemas reject, except
 * where {@link ManifestMutations#difference} names a deliberate difference (ADR 1400), where ours
 * must reject. {@link ManifestChecksDifferencesTest} shows each difference with an example;
 * {@link ManifestChecksSingleMutationTest} tries every single mutation from the same pools.
 */
class ManifestChecksAgreeWithSchemaProperties {
    private static List<ObjectNode> bases;
    private static OfficialSchemas oracle;

    @BeforeContainer
    static void load() throws Exception {
        oracle = OfficialSchemas.get();
        bases = ManifestFixtures.bases();
    }

    enum Op { REMOVE, ADD_PROPERTY, RENAME_KEY, REPLACE_VALUE, REPLACE_WORD }

    /** One mutation: what, where (a fraction of the candidate places; aimed = constrained places only), which pool entry. */
    record Mutation(Op op, boolean aimed, double where, int pick) {
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.of(true, false),
                Arbitraries.doubles().between(0, 1).ofScale(4), Arbitraries.integers().between(0, 9999)).as(Mutation::new);
    }

    @Provide
    Arbitrary<Integer> base() {
        return Arbitraries.integers().between(0, 4);
    }

    @Property(tries = 2000)
    void ourChecksRejectExactlyWhenTheOfficialSchemasReject(@ForAll("base") int base,
            @ForAll @Size(min = 1, max = 3) List<@From("mutation") Mutation> mutations) {
        ObjectNode m = ManifestFixtures.copy(bases.get(base));
        List<String> applied = new ArrayList<>();
        mutations.forEach(mu -> applied.add(apply(m, mu)));
        List<String> official = oracle.problems(m);
        List<String> ours = ManifestSchemaValidator.validate(m);

        String difference = ManifestMutations.difference(m);
        Statistics.label("official schemas").collect(official.isEmpty() ? "accept" : "reject");
        Statistics.label("deliberate difference").collect(Objects.requireNonNullElse(difference, "none"));
        Statistics.label("first operation").collect(mutations.get(0).op(), mutations.get(0).aimed() ? "aimed" : "anywhere");
        assertThat(!ours.isEmpty())
                .as("mutations %s%nofficial: %s%nours: %s", applied, official, ours)
                .isEqualTo(ManifestMutations.oursMustReject(m, official));
        assertThat(ours).allSatisfy(p -> assertThat(p).startsWith("$.modulesContent").contains(": ").contains("expected"));

        Statistics.label("official schemas").coverage(c -> {
            c.check("reject").percentage(p -> p > 40);
            c.check("accept").percentage(p -> p > 4);
        });
        Statistics.label("deliberate difference").coverage(c -> c.check("createOptions not a JSON object").count(n -> n > 0));
    }

    /** Applies one mutation in place; returns what it did (for failure reports). */
    static String apply(ObjectNode root, Mutation mu) {
        List<Slot> all = ManifestMutations.slots(root);
        Predicate<Slot> where = mu.aimed() ? Slot::constrained : s -> true;
        switch (mu.op()) {
            case REMOVE -> {
                Slot s = pick(all, where, mu.where());
                if (s == null) {
                    return "nothing to remove";
                }
                s.remove();
                return "remove " + s.path();
            }
            case ADD_PROPERTY -> {
                Slot s = pick(all, where.and(x -> x.value().isObject()), mu.where());
                if (s == null) {
                    return "no object to add to";
                }
                String key = KEYS.get(mu.pick() % KEYS.size());
                JsonNode v = VALUES.get(mu.pick() / KEYS.size() % VALUES.size()).get();
                ((ObjectNode) s.value()).set(key, v);
                return "add " + ManifestRule.child(s.path(), key) + " = " + v;
            }
            case RENAME_KEY -> {
                Slot s = pick(all, where.and(x -> x.key() != null), mu.where());
                if (s == null) {
                    return "no property to rename";
                }
                String key = KEYS.get(mu.pick() % KEYS.size());
                s.rename(key);
                return "rename " + s.path() + " to " + TextNode.valueOf(key);
            }
            case REPLACE_VALUE -> {
                Slot s = pick(all, where, mu.where());
                if (s == null) {
                    return "nothing to replace";
                }
                JsonNode v = VALUES.get(mu.pick() % VALUES.size()).get();
                s.set(v);
                return "set " + s.path() + " = " + v;
            }
            case REPLACE_WORD -> {
                Slot s = pick(all, where.and(x -> x.value().isTextual()), mu.where());
                if (s == null) {
                    return "no string to replace";
                }
                String w = WORDS.get(mu.pick() % WORDS.size());
                s.set(TextNode.valueOf(w));
                return "set " + s.path() + " = " + TextNode.valueOf(w);
            }
            default -> throw new IllegalStateException(mu.op().name());
        }
    }

    private static Slot pick(List<Slot> all, Predicate<Slot> filter, double where) {
        List<Slot> c = all.stream().filter(filter).toList();
        return c.isEmpty() ? null : c.get(Math.min(c.size() - 1, (int) (where * c.size())));
    }
}
