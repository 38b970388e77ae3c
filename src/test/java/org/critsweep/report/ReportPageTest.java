package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report's HTML: embedded plots, one line per plot the data cannot support, escaped text, the table. */
class ReportPageTest {

    private static final Pattern IMAGE = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final Instant WHEN = Instant.parse("2026-11-30T01:02:03Z");

    static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        return images;
    }

    @Test
    void aCampaignWithoutDecayFitsHasItsPlotsEmbeddedAndOneLineForEachPlotItCannotSupport() throws IOException {
        String html = ReportPage.render(ReportFixtures.campaign("small", ReportFixtures.criticalPointFits("mean field"),
                List.of()), WHEN);
        // ρ across the transition, ρ at the critical point, λ_N, the extrapolation, the phase diagram
        List<BufferedImage> images = images(html);
        assertEquals(5, images.size());
        for (BufferedImage image : images) {
            assertEquals(2 * Charts.WIDTH, image.getWidth(), "drawn at twice the nominal size");
            assertEquals(2 * Charts.HEIGHT, image.getHeight());
        }
        // δ_eff, the two collapses, β, ν_∥, Var ln G and the ξ correction: no rows in fit_curves, so one line each
        assertEquals(7, html.split("<p class=\"omitted\">", -1).length - 1, html);
        assertTrue(html.contains("<strong>Effective exponent δ_eff(l) at σ_w,c(N)</strong> — not drawn: no"
                + " critical-decay fit"), html);
        assertTrue(html.contains("<strong>Chaotic plateau ρ*(σ_w) and β</strong> — not drawn: no rho_plateau points"
                + " in table fit_curves"), html);
        assertFalse(html.contains("alt=\"Effective exponent"), "an omitted plot is not drawn empty");
    }

    @Test
    void everyTextFromTheTablesAndTheManifestIsEscaped() {
        String html = ReportPage.render(ReportFixtures.campaign("<script>alert('x')</script>",
                ReportFixtures.criticalPointFits("mean field <b>& more</b>"), List.of()), WHEN);
        assertFalse(html.contains("<script>"), "no markup from the data");
        assertFalse(html.contains("<b>"), "no markup from the data");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("mean field &lt;b&gt;&amp; more&lt;/b&gt;"), html);
    }

    @Test
    void theResultsAtAGlanceOpenThePageWithSigmaWcAndTheVerdict() {
        String html = ReportPage.render(ReportFixtures.campaign("small", ReportFixtures.criticalPointFits(
                "mean field (mean field p = 0.68)"), List.of()), WHEN);
        int headline = html.indexOf("<section id=\"headline\">");
        assertTrue(headline > 0 && headline < html.indexOf("<section id=\"verdict\">"), html);
        String block = html.substring(headline, html.indexOf("</section>", headline));
        assertTrue(block.contains("<td class=\"name\">sigma_w_c_inf</td><td class=\"name\">N-&gt;inf</td>"
                + "<td class=\"number\">1.3956(20)</td>"), block);
        assertTrue(block.contains("<strong>verdict:</strong> mean field"), block);
    }

    @Test
    void theExponentTableHasEveryFitButTheVerdictAndTheVerdictLeadsThePage() {
        List<FitRow> fits = new ArrayList<>(ReportFixtures.criticalPointFits(
                "mean field (mean field p = 0.68; power check against the lattice classes: DP 1+1 p = 2e-09)"));
        fits.add(ReportFixtures.fit(null, "N in [16, 32]", "universality_p_mean_field", 0.68, Double.NaN,
                "mean field: delta p = 0.68"));
        String html = ReportPage.render(ReportFixtures.campaign("small", fits, List.of()), WHEN);
        String table = html.substring(html.indexOf("<table class=\"exponents\">"), html.indexOf("</table>",
                html.indexOf("<table class=\"exponents\">")));
        assertEquals(5, table.split("<tr>", -1).length - 1, "a header and four fits");
        assertTrue(table.contains("<td class=\"name\">N=16</td><td class=\"name\">sigma_w_c</td>"
                + "<td class=\"number\">1.583(4)</td><td class=\"number\">0.004</td>"), table);
        assertFalse(table.contains("universality_class"), "the verdict is not a table row");
        int verdict = html.indexOf("<strong>mlp/tanh/gram sigma_b=0.3</strong>: mean field (mean field p = 0.68");
        assertTrue(verdict > 0 && verdict < html.indexOf("<img"), "the verdict comes before the plots");
        int classP = html.indexOf("<li>mean field: p = 0.68 (delta p = 0.68)</li>");
        assertTrue(classP > verdict && classP < html.indexOf("<img"), "each class's p-value follows the verdict");
        assertFalse(table.contains("universality_p"), "the class p-values are not table rows");
    }

    @Test
    void aFamilyWithoutAVerdictSaysSo() {
        String html = ReportPage.render(ReportFixtures.campaign("small", List.of(), List.of()), WHEN);
        assertTrue(html.contains("<strong>mlp/tanh/gram sigma_b=0.3</strong>: none: no classifying exponent"), html);
        assertTrue(html.contains("No fits: the fits table is empty or missing"), html);
        assertTrue(html.contains("<strong>ρ(l) at the critical point, per N</strong> — not drawn: no size has a λ_N"
                + " root"), html);
    }
}
