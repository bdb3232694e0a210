package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nestedge.model.export.ManifestMutations.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every single mutation from the pools of {@link ManifestMutations}, at every place of every base
 * manifest: remove it; replace it with each value; replace a string with each word; rename a
 * property to each key; add each key to an object. Our checks reject exactly when the official
 * schemas reject, except where a deliberate difference applies (then ours must reject).
 */
class ManifestChecksSingleMutationTest {
    private final OfficialSchemas oracle = OfficialSchemas.get();
    private final List<String> disagreements = new ArrayList<>();
    private int tried;
    private int officialRejects;

    @Test
    void everySingleMutationIsJudgedLikeTheOfficialSchemas() throws Exception {
        List<ObjectNode> bases = ManifestFixtures.bases();
        for (ObjectNode base : bases) {
            int n = ManifestMutations.slots(base).size();
            for (int i = 0; i < n; i++) {
                int at = i;
                Slot s = ManifestMutations.slots(base).get(at);
                judge(base, at, "remove", Slot::remove);
                if (s.constrained() || s.value().isValueNode()) {
                    for (Supplier<JsonNode> v : ManifestMutations.VALUES) {
                        judge(base, at, "set " + v.get(), x -> x.set(v.get()));
                    }
                }
                if (s.value().isTextual()) {
                    for (String w : ManifestMutations.WORDS) {
                        judge(base, at, "set " + TextNode.valueOf(w), x -> x.set(TextNode.valueOf(w)));
                    }
                }
                if (s.key() != null) {
                    for (String k : ManifestMutations.KEYS) {
                        judge(base, at, "rename to " + TextNode.valueOf(k), x -> x.rename(k));
                    }
                }
                if (s.value().isObject()) {
                    for (String k : ManifestMutations.KEYS) {
                        judge(base, at, "add " + TextNode.valueOf(k), x -> ((ObjectNode) x.value()).put(k, "x"));
                    }
                }
            }
        }
        assertThat(disagreements).as("%d of %d mutations judged differently", disagreements.size(), tried).isEmpty();
        assertThat(tried).isGreaterThan(10_000);
        assertThat(officialRejects).as("the mutations are not all harmless").isGreaterThan(tried / 3);
        assertThat(tried - officialRejects).as("nor all fatal").isGreaterThan(tried / 20);
    }

    private void judge(ObjectNode base, int at, String what, Consumer<Slot> mutation) {
        ObjectNode m = ManifestFixtures.copy(base);
        Slot s = ManifestMutations.slots(m).get(at);
        mutation.accept(s);
        tried++;
        List<String> official = oracle.problems(m);
        if (!official.isEmpty()) {
            officialRejects++;
        }
        List<String> ours = ManifestSchemaValidator.validate(m);
        if (ours.isEmpty() == ManifestMutations.oursMustReject(m, official) && disagreements.size() < 25) {
            disagreements.add(s.path() + " " + what + "\n  official: " + official + "\n  ours: " + ours);
        }
    }
}
