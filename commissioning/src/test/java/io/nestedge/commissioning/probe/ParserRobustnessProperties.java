package io.nestedge.commissioning.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated and truncated device output must give a result or a {@link ProbeParseException}, never
 * another exception.
 */
class ParserRobustnessProperties {
    interface Parser {
        Object parse(String s) throws ProbeParseException;
    }

    record Case(String name, String sample, Parser parser) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("check text", Samples.read("iotedge-check-child-verbose.txt"), IotedgeCheckTextParser::parse));
        cases.add(new Case("check json", Samples.read("iotedge-check-child.json"), IotedgeCheckJsonParser::parse));
        cases.add(new Case("list", Samples.read("iotedge-list.txt"), IotedgeListParser::parse));
        cases.add(new Case("inspect", Samples.read("docker-inspect-edgehub-env.json"), DockerInspectParser::parse));
        for (String f : Samples.sClientFragments()) {
            cases.add(new Case("s_client", f, OpenSslSClientParser::parse));
        }
        for (Samples.ApplyBlock b : Samples.applyBlocks()) {
            cases.add(new Case("config apply", b.output(), s -> ConfigApplyParser.parse(s, b.exitCode())));
        }
        cases.add(new Case("namei", "f: /a/b\ndrwxr-xr-x root root /\ndrwx------ aziotks aziotks a\n-rw------- root root b\n",
                NameiParser::parse));
        return cases;
    }

    record Mutation(int kind, int position, int length, char c) {
        String apply(String s) {
            if (s.isEmpty()) {
                return s;
            }
            int p = Math.floorMod(position, s.length());
            int end = Math.min(s.length(), p + length);
            return switch (kind) {
                case 0 -> s.substring(0, p);                                        // truncate
                case 1 -> s.substring(0, p) + s.substring(end);                     // delete a run
                case 2 -> s.substring(0, p) + c + s.substring(p);                   // insert a char
                case 3 -> s.substring(0, p) + c + s.substring(Math.min(s.length(), p + 1)); // replace a char
                case 4 -> s.substring(0, p) + s.substring(p, end) + s.substring(p); // duplicate a run
                default -> s.substring(0, p) + s.substring(end) + s.substring(p, end); // move a run to the end
            };
        }
    }

    @Provide
    Arbitrary<Case> sample() {
        return Arbitraries.of(cases());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('\n', ' ', '-', '"', '{', '}', '[', ']', ':', '=', '\u221A', '\u203C', '\u00D7', '(', ')', '0', '9', ','),
                Arbitraries.chars().all());
        Arbitrary<Mutation> m = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(1, 80), chars).as(Mutation::new);
        return m.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2000)
    void mutatedOutputGivesResultOrParseException(@ForAll("sample") Case c, @ForAll("mutations") List<Mutation> ms) {
        String s = c.sample();
        for (Mutation m : ms) {
            s = m.apply(s);
        }
        try {
            Object result = c.parser().parse(s);
            assertThat(result).isNotNull();
        } catch (ProbeParseException expected) {
            assertThat(expected.getMessage()).contains(expected.command());
        }
    }
}
