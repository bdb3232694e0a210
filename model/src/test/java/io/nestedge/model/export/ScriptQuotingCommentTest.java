package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ScriptQuoting#comment}: every control or line-separator character becomes '?', nothing else changes. */
class ScriptQuotingCommentTest {
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab é\u0000\u0001\t\n\r\u001f\u007f\u0080\u0085\u009f\u2028\u2029\u2027\uD83D\uDD11").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Property(tries = 300)
    void replacesExactlyWhatAOneLineCommentCannotHold(@ForAll("text") String s) {
        // The rule as a regex: \\p{Cntrl} is U+0000-U+001F and U+007F.
        assertThat(ScriptQuoting.comment(s)).isEqualTo(s.replaceAll("[\\p{Cntrl}\u2028\u2029\u0085]", "?"));
    }
}
