package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The growth of Var ln G through the whole pipeline (sweep, theory, aggregate, fit) on the solvable ReLU net at
 * σ_w² = 2, σ_b = 0 (PHYSICS.md §5), widths 16, 32, 64, depth 64, 1000 replicas, against the exact slope
 * n Var ln R per unit l/n. The exact values are computed here independently of the code under test: with K ~
 * Binomial(n, ½) conditioned on K ≥ 1 active units, ln R = ln(2χ²_K/n) has Var = E[ψ₁(K/2)] + Var[ψ(K/2)] (scipy:
 * 6.713494, 5.679929, 5.311830 for n = 16, 32, 64; the limit is 5). On a 1000-replica, depth-64 run the fitted slopes
 * carry standard errors of about 0.5–0.7, so 3.9 of them is a test of the law at the 40 % level per width and of
 * the rows' existence, names and scopes; the pulls of a correct pipeline exceed 3.9 with probability ≈ 1e-4 each.
 */
class LogVarianceFitsTest {

    private static final double[][] EXACT_SLOPES = {{16, 6.713494305708462}, {32, 5.679929191230741},
        {64, 5.311830435612649}};
    private static final double Z_MAX = 3.9;

    @TempDir
    Path temp;

    @Test
    void varianceOfLnGGrowsAtTheExactRatePerUnitDepthOverWidth() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[relu]",
                "grid.sigma_w=[1.4142135623730951]", "grid.sigma_b=[0.0]", "grid.width=[16, 32, 64]",
                "grid.depth=64", "grid.replicas=1000", "grid.record=every");
        CampaignRun.execute(spark, plan, new CampaignStore(temp), new SweepJob.Settings(2, 0), (d, t) -> { });
        Map<String, Row> fits = spark.sql("SELECT * FROM fits WHERE quantity LIKE 'ln_g_var%'").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.<String>getAs("scope") + " " + r.<String>getAs("quantity"),
                        r -> r, (a, b) -> a));
        for (double[] exact : EXACT_SLOPES) {
            String scope = "N=" + (int) exact[0];
            Row law = fits.get(scope + " ln_g_var_slope_exact");
            assertEquals(exact[1], law.<Double>getAs("estimate"), 1e-6, scope + " exact slope");
            Row slope = fits.get(scope + " ln_g_var_slope");
            assertPull(slope, exact[1], scope + " slope");
        }
        Row limit = fits.get("N->inf ln_g_var_slope_inf");
        assertPull(limit, 5.0, "extrapolated slope");
        assertEquals(5.0, fits.get("N->inf ln_g_var_slope_inf_exact").<Double>getAs("estimate"), 1e-9);
        List<Row> collapse = spark.sql("SELECT x, y FROM fit_curves WHERE curve = 'ln_g_var_collapse'")
                .collectAsList();
        assertTrue(collapse.size() >= 3 * 32, "the collapse holds the layers of every width: " + collapse.size());
    }

    private static void assertPull(Row fit, double expected, String what) {
        double stderr = fit.getAs("stderr");
        double estimate = fit.getAs("estimate");
        assertTrue(stderr > 0 && Math.abs(estimate - expected) < Z_MAX * stderr,
                what + " = " + estimate + " ± " + stderr + ", expected " + expected);
    }
}
