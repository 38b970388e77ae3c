package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatCanOpenMarkupOrCloseAnAttribute() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>R&D</a>"));
    }

    @Test
    void leavesOtherTextAsItIs() {
        assertEquals("σ_w,c(∞) = 1.3936 ± 0.0017; χ² ≥ 0", Html.escape("σ_w,c(∞) = 1.3936 ± 0.0017; χ² ≥ 0"));
    }
}
