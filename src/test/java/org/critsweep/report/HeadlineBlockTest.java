package org.critsweep.report;

import static org.critsweep.report.ReportFixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.critsweep.fit.FitResult;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

/** The results at a glance: the critical point, the exponents of the largest size beside the classes, the verdict. */
class HeadlineBlockTest {

    /** The quickstart's fits (README), with β planted unconstrained and the verdict leaving it out. */
    static List<FitRow> quickstart() {
        return List.of(
                fit(64, "N=64", "sigma_w_c", 1.44833, 0.00258572, "w"),
                fit(256, "N=256", "sigma_w_c", 1.40723, 0.00104546, "w"),
                fit(64, "N=64", "delta", 0.7, 0.1, "w"),
                fit(256, "N=256", "delta", 0.880474, 0.294476, "w"),
                fit(256, "N=256", "delta_bare", 0.555261, 0.0366808, "w"),
                fit(256, "N=256", "beta", 0.4, 0.9, "w"),
                fit(null, "N->inf", "sigma_w_c_inf", 1.39364, 0.00165298, "a/N"),
                fit(null, "N in [64, 128, 256]", "fss_b", 0.51494, 5391.77, "collapse"),
                fit(null, "N in [64, 128, 256]", "universality_class", 0.70, Double.NaN,
                        "mean field (mean field p = 0.70; power check against the lattice classes: DP 1+1 p < 1e-16;"
                                + " left out as unconstrained: beta = 0.400 [-1.36, 2.16]) from delta = 0.880"),
                fit(null, "N in [64, 128, 256]", "universality_p_mean_field", 0.70, Double.NaN,
                        "mean field: delta p = 0.70"),
                fit(null, "N in [64, 128, 256]", "universality_p_dp_1_1", 0.0, Double.NaN,
                        "DP 1+1: delta p < 1e-16"));
    }

    @Test
    void aFamilyShowsItsCriticalPointAndLargestSizeExponentsBesideTheClassesAndTheVerdict() {
        HeadlineBlock block = HeadlineBlock.of(quickstart());
        assertEquals(1, block.families().size());
        HeadlineBlock.Family family = block.families().get(0);
        assertEquals(List.of("quantity", "scope", "measured", "mean field", "DP 1+1", "DP 2+1"), family.headers());
        assertEquals(List.of(
                // mean field sigma_w,c at tanh, sigma_b = 0.3: 1.3955840 (docs/PHYSICS.md section 4)
                List.of("sigma_w_c_inf", "N->inf", "1.3936(17)", "1.39558", "-", "-"),
                List.of("delta", "N=256", "0.88(29)", "1", "0.159464(6)", "0.4505(10)"),
                List.of("beta", "N=256", "0.4 ± 0.9 (unconstrained)", "1", "0.276486(8)", "0.584(4)")),
                family.lines().stream().map(HeadlineBlock.Line::cells).toList());
        assertEquals("mean field; mean field p = 0.70, DP 1+1 p < 1e-16; left out as unconstrained:"
                + " beta = 0.400 [-1.36, 2.16]", family.verdict());
    }

    @Test
    void withoutAnExtrapolationTheLargestSizesRootLeadsAndWithoutAVerdictTheBlockSaysSo() {
        HeadlineBlock.Family family = HeadlineBlock.of(List.of(fit(64, "N=64", "sigma_w_c", 1.44833, 0.00258572,
                "w"), fit(128, "N=128", "sigma_w_c", 1.42367, 0.00202247, "w"))).families().get(0);
        assertEquals(List.of("sigma_w_c", "N=128", "1.4237(20)", "1.39558", "-", "-"), family.lines().get(0).cells());
        assertTrue(family.verdict().startsWith("none: "), family.verdict());
    }

    @Test
    void aLatticeFamilyAddsItsMultiplicativeNoiseClassAndTakesThePooledZ() {
        ScalingFamily cnn = new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.GRAM, 0.3, 8);
        HeadlineBlock.Family family = HeadlineBlock.of(List.of(
                new FitRow(cnn, 8, null, "L in [32, 64]", new FitResult("z", 1.5, 0.2, "collapse_hh", "w", 1, 9)),
                new FitRow(cnn, 8, 64, "L=64, threshold=1e-06", new FitResult("spreading_theta", 0.9, 0.01, "m", "w",
                        1, 9)),
                new FitRow(cnn, 8, 64, "L=64", new FitResult("spreading_theta", 0.517, 0.0025, "m", "w", 1, 9)),
                new FitRow(cnn, 8, 32, "L=32", new FitResult("spreading_theta", 0.6, 0.01, "m", "w", 1, 9))))
                .families().get(0);
        assertEquals(List.of("quantity", "scope", "measured", "mean field", "DP 1+1", "MN 1+1", "DP 2+1"),
                family.headers());
        assertEquals(List.of(
                List.of("z", "L in [32, 64]", "1.50(20)", "2", "1.580745(10)", "1.53(7)", "1.7660(20)"),
                List.of("spreading_theta", "L=64", "0.5170(25)", "0", "0.313686(8)", "-", "0.2295(10)")),
                family.lines().stream().map(HeadlineBlock.Line::cells).toList());
    }

    @Test
    void theHtmlBlockHasTheTableTheVerdictAndTheLegend() {
        String html = HeadlineBlock.of(quickstart()).html();
        assertTrue(html.startsWith("<section id=\"headline\">\n<h2>Results at a glance</h2>"), html);
        assertTrue(html.contains("<td class=\"name\">sigma_w_c_inf</td><td class=\"name\">N-&gt;inf</td>"
                + "<td class=\"number\">1.3936(17)</td><td class=\"number\">1.39558</td>"), html);
        assertTrue(html.contains("<strong>verdict:</strong> mean field; mean field p = 0.70"), html);
        assertTrue(html.contains("1.4483 ± 0.0026"), "the legend explains the notation");
    }
}
