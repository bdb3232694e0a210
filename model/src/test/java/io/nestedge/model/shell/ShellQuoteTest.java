package io.nestedge.model.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property test: a real POSIX shell reads every quoted word back as the original string. */
class ShellQuoteTest {

    @Provide
    Arbitrary<List<String>> hostileWords() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withChars("'\"`$\\;&|<>(){}[]*?!~#\n\t -=.:/%@ab01éü").ofMaxLength(24),
                Arbitraries.of("$(reboot)", "`id`", "'; rm -rf / #", "a'b\"c", "-n", "--", "", " ", "\\", "$upstream",
                        "${IFS}", "*", "~root"),
                Arbitraries.strings().ofMaxLength(12).filter(s -> s.indexOf('\0') < 0));
        return word.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 60)
    void shellReadsQuotedWordsBackExactly(@ForAll("hostileWords") List<String> words) throws Exception {
        // printf '%s\0' prints each argument followed by NUL: exactly the words the shell parsed.
        String line = "printf '%s\\0' " + ShellQuote.command(words);
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        List<String> back = new ArrayList<>(List.of(s.split("\0", -1)));
        back.remove(back.size() - 1);
        assertThat(back).containsExactlyElementsOf(words);
    }

    @Property(tries = 200)
    void unsafeCharactersAreAlwaysQuoted(@ForAll("hostileWords") List<String> words) {
        for (String w : words) {
            String q = ShellQuote.quote(w);
            if (w.isEmpty() || !w.matches("[A-Za-z0-9_@%+=:,./-]+")) {
                assertThat(q).startsWith("'").endsWith("'");
            } else {
                assertThat(q).as("a safe word stays as it is").isEqualTo(w);
            }
        }
    }
}
