package io.nestedge.commissioning.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.esc("<script>alert('x')</script> & \"y\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void makesDeviceOutputXmlLegal() {
        assertThat(Html.esc("\u001B[1;31mERROR\u001B[0m done")).isEqualTo("ERROR done");
        assertThat(Html.esc("a\u0000b\u0007c\tok\n")).isEqualTo("a\uFFFDb\uFFFDc\tok\n");
        assertThat(Html.esc("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE80")).isEqualTo(
                "lone \uFFFD high, lone \uFFFD low, pair \uD83D\uDE80");
        assertThat(Html.esc("\uFFFE\uFFFF")).isEqualTo("\uFFFD\uFFFD");
    }

    @Property(tries = 300)
    void anyStringParsesAsXmlTextAndComesBackTheSame(@ForAll String s) throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p a=\"" + Html.esc(s) + "\">" + Html.esc(s) + "</p>";
        var el = HtmlReportRendererTest.xml(doc).getDocumentElement();
        String legal = Html.xmlLegal(s).replace("\r\n", "\n").replace('\r', '\n');
        assertThat(el.getTextContent()).isEqualTo(legal);
        assertThat(el.getChildNodes().getLength()).isLessThanOrEqualTo(1);
    }
}
