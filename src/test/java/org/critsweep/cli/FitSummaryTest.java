package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.critsweep.fit.FitResult;
import org.critsweep.grid.Arch;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.report.FitRow;
import org.junit.jupiter.api.Test;

/** What {@code run} and {@code fit} print after the fit, and the layer of the query hint after {@code run}. */
class FitSummaryTest {

    private static final ScalingFamily TANH = new ScalingFamily(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3,
            null);

    private static FitRow fit(Integer width, String scope, String quantity, double estimate, double stderr,
                              String window) {
        return new FitRow(TANH, width, null, scope, new FitResult(quantity, estimate, stderr, "m", window, 1, 5));
    }

    /** Rows of the quickstart's fits (README), the collapse's b planted unconstrained. */
    private static final List<FitRow> FITS = List.of(
            fit(256, "N=256", "delta", 0.880474, 0.294476, "layer in [10, 128]"),
            fit(256, "N=256", "sigma_w_c", 1.40723, 0.00104546, "sigma_w in [1.4, 1.42]"),
            fit(null, "N->inf", "sigma_w_c_inf", 1.39364, 0.00165298, "N in [64, 256], a/N"),
            fit(null, "N in [64, 128, 256]", "fss_b", 0.51494, 5391.77, "collapse"),
            fit(null, "N in [64, 128, 256]", "universality_class", 0.70, Double.NaN,
                    "mean field (mean field p = 0.70; power check against the lattice classes: DP 1+1 p < 1e-16)"
                            + " from delta = 0.880 [0.528, 1.73] ± 0.24 syst"),
            fit(null, "N in [64, 128, 256]", "universality_p_mean_field", 0.70, Double.NaN,
                    "mean field: delta p = 0.70"));

    private static String print(boolean all) {
        StringWriter text = new StringWriter();
        FitSummary.print(FITS, new PrintWriter(text), all, "runs/quickstart");
        return text.toString();
    }

    @Test
    void theHeadlineComesFirstWithSigmaWcTheExponentsAndTheVerdict() {
        List<String> lines = print(false).lines().toList();
        assertTrue(lines.get(0).startsWith("Results at a glance (value(error): "), lines.get(0));
        assertEquals("mlp/tanh/gram sigma_b=0.3", lines.get(1));
        assertEquals(List.of("  quantity       scope     measured  mean field       DP 1+1      DP 2+1",
                        "  sigma_w_c_inf  N->inf  1.3936(17)     1.39558            -           -",
                        "  delta          N=256     0.88(29)           1  0.159464(6)  0.4505(10)",
                        "  verdict: mean field; mean field p = 0.70"),
                lines.subList(2, 6));
        assertTrue(lines.indexOf("Universality verdict (bootstrap p-values of the measured exponents against the"
                + " classes of the system's dimension, docs/PHYSICS.md sections 6-7; a class is named when it alone"
                + " has p >= 0.01):") > 6, String.join("\n", lines));
        assertEquals("Every fit (4 rows): bin/critsweep fit runs/quickstart --all, the report's exponent table, or"
                + " bin/critsweep sql --campaign runs/quickstart \"SELECT * FROM fits\"", lines.get(lines.size() - 1));
        assertFalse(String.join("\n", lines).contains("fss_b"), "the long table waits for --all");
    }

    @Test
    void withAllEveryFitFollowsRoundedToItsErrorTheCriticalPointFirstAndTheUnconstrainedFlagged() {
        String text = print(true);
        List<String> table = text.lines().dropWhile(l -> !l.startsWith("Every fit (fits table")).skip(1).toList();
        assertEquals(5, table.size(), text);
        assertTrue(table.get(1).matches("mlp/tanh/gram sigma_b=0.3 +N=256 +sigma_w_c +1\\.4072\\(10\\) +0\\.0010 .*"),
                table.get(1));
        assertTrue(table.get(2).contains(" delta "), "sigma_w_c leads its scope: " + table.get(2));
        assertTrue(table.get(4).contains("fss_b") && table.get(4).contains("0.5 ± 5e3 (unconstrained)"),
                table.get(4));
    }

    @Test
    void theQueryHintAsksForARecordedLayerNearHalfTheDepth() throws IOException {
        String quickstart = Files.readString(Path.of("conf/quickstart.conf"));
        assertEquals(256, RunCommand.queryLayer(CampaignParser.parse(quickstart, "quickstart", List.of()).grid()));
        // { log = 10 } on 1000 layers records round(1000^(k/9)): 1, 2, 5, 10, 22, 46, 100, 215, 464, 1000
        assertEquals(464, RunCommand.queryLayer(CampaignParser.parse(quickstart, "quickstart",
                List.of("grid.depth=1000", "grid.record={ log = 10 }")).grid()));
        // depth 1: the only layer past the input is the last
        assertEquals(1, RunCommand.queryLayer(CampaignParser.parse(quickstart, "quickstart",
                List.of("grid.depth=1")).grid()));
    }
}
