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
        assertTrue(html.contains("<strong>mlp/tanh/gram sigma_b=0.3</strong>: none: no constrained classifying exponent"), html);
        assertTrue(html.contains("No fits: the fits table is empty or missing"), html);
        assertTrue(html.contains("<strong>ρ(l) at the critical point, per N</strong> — not drawn: no size has a λ_N"
                + " root"), html);
    }

    /**
     * Every plot the page can hold for one MLP family (every fit curve present): no title twice, and the λ_N scans,
     * which the collapse section once drew again, in one plot only.
     */
    @Test
    void noPlotIsDrawnTwice() {
        List<FitCurvePoint> curves = new ArrayList<>();
        for (String curve : List.of("delta_eff", "collapse_depth_scan_hh", "collapse_depth_scan_bayes",
                "collapse_lambda_hh", "collapse_lambda_bayes", "rho_plateau", "xi_par", "ln_g_var",
                "ln_g_var_collapse", "xi_correction")) {
            for (String series : List.of("N=16", "N=32")) {
                curves.add(ReportFixtures.curvePoint(curve, series, 1.40, 0.5));
                curves.add(ReportFixtures.curvePoint(curve, series, 1.45, 0.25));
            }
        }
        curves.add(ReportFixtures.curvePoint("xi_correction", "predicted", 0.1, -0.1));
        FamilyResults family = ReportFixtures.campaign("all", ReportFixtures.criticalPointFits("v"), curves)
                .family(ReportFixtures.TANH);
        List<org.knowm.xchart.XYChart> charts = ReportPage.groups(family).values().stream().flatMap(List::stream)
                .flatMap(plots -> plots.get().stream()).filter(p -> p instanceof Panel.Plot)
                .map(p -> ((Panel.Plot) p).chart()).toList();
        assertEquals(15, charts.size(), "ρ twice, λ_N, extrapolation, ξ correction, δ_eff, depth scan before and"
                + " after twice, λ_N after twice, ρ*, ξ_∥, Var ln G and its collapse");
        List<String> titles = charts.stream().map(org.knowm.xchart.XYChart::getTitle).toList();
        assertEquals(titles.size(), new java.util.HashSet<>(titles).size(), "unique titles: " + titles);
        double[] scan = ReportFixtures.SIGMA_W;
        long withScans = charts.stream().filter(c -> c.getSeriesMap().values().stream()
                .anyMatch(s -> java.util.Arrays.equals(s.getXData(), scan))).count();
        assertEquals(1, withScans, "the λ_N(σ_w) scans are drawn once");
    }

    @Test
    void eachFigureIsLinkedAsSvgAndPngAndTheFilesAreTheFiguresOfThePage() throws IOException {
        ReportPage.Report report = ReportPage.build(ReportFixtures.campaign("small",
                ReportFixtures.criticalPointFits("v"), List.of()), WHEN);
        List<BufferedImage> inline = images(report.html());
        assertEquals(2 * inline.size(), report.figures().size(), "a PNG and an SVG per figure");
        for (String name : report.figures().keySet()) {
            assertTrue(name.matches("figures/\\d\\d-[a-z0-9-]+\\.(png|svg)"), name);
            assertTrue(report.html().contains("<a href=\"" + name + "\">" + (name.endsWith(".svg") ? "SVG" : "PNG")
                    + "</a>"), name + " is linked under its figure");
        }
        assertEquals("figures/01-rho-l-across-the-transition-n-32.svg", report.figures().keySet().stream()
                .filter(n -> n.endsWith(".svg")).findFirst().orElseThrow());
    }
}
