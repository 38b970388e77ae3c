package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit stage on a real (small) tanh MLP campaign at σ_b = 0.3, against PHYSICS.md §4–5: the finite-width roots
 * extrapolate to the mean-field σ_w,c = 1.39558, N λ_N collapses with c1 = 1, c2 = −1, and the analysis is
 * reproducible bit for bit.
 */
class FitStageTest {

    private static final double SIGMA_WC = 1.3955839751548;

    @TempDir
    static Path temp;
    private static CampaignPlan plan;
    private static CampaignStore store;

    @BeforeAll
    static void runCampaign() {
        plan = TaskPlanner.plan(CampaignParser.parse("""
                campaign { name = fit, seed = 5 }
                grid {
                  activation = tanh
                  sampler = gram
                  sigma_b = 0.3
                  sigma_w = { linspace = [1.30, 1.50, 11] }
                  width = [64, 128, 256]
                  depth = 256
                  replicas = 32
                }
                analysis { bootstrap = 40, collapse = [hh], tau_window = [4, 0.1] }
                """, "fit.conf", List.of("campaign.output=\"" + temp + "\"")));
        store = new CampaignStore(temp);
        CampaignRun.execute(SharedSpark.session(), plan, store, new SweepJob.Settings(4, 0), (d, t) -> { });
    }

    private static Map<String, Row> fitsByKey(SparkSession spark) {
        return spark.sql("SELECT * FROM fits").collectAsList().stream().collect(Collectors.toMap(
                r -> r.<String>getAs("scope") + " " + r.<String>getAs("quantity") + " " + r.<String>getAs("method"),
                r -> r));
    }

    @Test
    void rootsExtrapolateToTheMeanFieldCriticalPoint() {
        Map<String, Row> fits = fitsByKey(SharedSpark.session());
        for (int width : new int[] {64, 128, 256}) {
            Row root = fits.get("N=" + width + " sigma_w_c lambda_root_linear+bootstrap");
            double estimate = root.getAs("estimate");
            assertTrue(estimate > SIGMA_WC && estimate < SIGMA_WC + 8.0 / width, "N=" + width + ": " + estimate);
        }
        Row infinite = fits.get("N->inf sigma_w_c_inf wls_inverse_width+bootstrap");
        double stderr = infinite.getAs("stderr");
        assertEquals(SIGMA_WC, infinite.getAs("estimate"), 4 * stderr + 0.002, "stderr " + stderr);
        assertTrue(stderr > 0 && stderr < 0.01);
        Row fitted = fits.get("N->inf sigma_w_c_slope wls_inverse_width+bootstrap");
        double slope = fitted.getAs("estimate");
        assertTrue(slope > 1.5 && slope < 6.0, "PHYSICS.md §5: about 3.08, got " + slope);
        Row predicted = fits.get("N->inf sigma_w_c_slope_theory quadrature_lambda_n");
        double pull = (slope - predicted.<Double>getAs("estimate")) / fitted.<Double>getAs("stderr");
        assertEquals(pull, predicted.getAs("quality"), 1e-12);
        assertTrue(Math.abs(pull) < 4.0, "the 1/N slope that lambda_N predicts is off the fitted one: pull " + pull);
    }

    /**
     * κ∞ beside the mean-field metric factor ½ σ_w² q* E[φ″(√q* z)²] = 0.2335 at tanh, σ_b = 0.3 (PHYSICS.md §4);
     * the short campaign's κ(N) are fitted at each width's own critical point, so only the row's consistency and a
     * loose agreement are asserted here (docs/RESULTS.md has the campaign-size comparison).
     */
    @Test
    void metricFactorExtrapolatesBesideTheMeanFieldValue() {
        Map<String, Row> fits = fitsByKey(SharedSpark.session());
        Row meanField = fits.get("N->inf kappa_mean_field quadrature_at_sigma_w_c");
        assertEquals(0.2335, meanField.getAs("estimate"), 5e-5);
        Row limit = fits.get("N->inf kappa_inf wls_inverse_width");
        double stderr = limit.getAs("stderr");
        double pull = (limit.<Double>getAs("estimate") - 0.2334978) / stderr;
        assertEquals(pull, meanField.getAs("quality"), 1e-3);
        assertTrue(stderr > 0 && Math.abs(limit.<Double>getAs("estimate") - 0.2335) < 0.1, "kappa_inf " + limit);
    }

    /**
     * κ fitted on the common window (the smallest width's, layers [10, 32]) and the mean-field curve read by the same
     * fit there: iterating the mean-field c-map from q0 = 1, c0 = 0.8 at σ_w,c = 1.395584 and fitting 1/ρ = κl + b
     * on layers 10…32 (numpy, independently) gives 0.21565–0.21731 for weights ∝ ρ^p, p from 3 to −2 — below the
     * metric factor 0.2335, the bias of the window that κ∞ must be compared with.
     */
    @Test
    void kappaIsComparedWithTheMeanFieldCurveOnTheCommonWindow() {
        Map<String, Row> fits = fitsByKey(SharedSpark.session());
        for (int width : new int[] {64, 128, 256}) {
            Row kappa = fits.values().stream().filter(r -> r.getAs("scope").equals("N=" + width)
                    && r.getAs("quantity").equals("kappa")).findFirst().orElseThrow();
            assertTrue(kappa.<String>getAs("fit_window").startsWith("layer in [10, 32]"), "N=" + width + ": " + kappa);
        }
        Row onWindow = fits.get("N->inf kappa_mean_field_window same_fit_on_mean_field_curve");
        double estimate = onWindow.getAs("estimate");
        assertTrue(estimate > 0.2156 && estimate < 0.2174, "mean-field kappa on [10, 32]: " + estimate);
        Row limit = fits.get("N->inf kappa_inf wls_inverse_width");
        assertEquals((limit.<Double>getAs("estimate") - estimate) / limit.<Double>getAs("stderr"),
                onWindow.getAs("quality"), 1e-9);
    }

    /**
     * β read by the same fit from the mean-field plateau 1 − c* at the measured σ_w values about σ_w,c(∞) = 1.395584:
     * numpy's log-log fits of ln(1 − c*) on ln(σ_w − σ_w,c) over every run of ≥ 3 consecutive grid
     * points in [1.40, 1.50] give 0.884–0.977 (c* from `critsweep theory point`), short of 1 by the corrections to
     * scaling; the row's quality is the measured β's pull against it.
     */
    @Test
    void betaIsComparedWithTheMeanFieldPlateauOnItsWindow() {
        Map<String, Row> fits = fitsByKey(SharedSpark.session());
        Row reference = fits.get("N=256 beta_mean_field_window same_fit_on_mean_field_plateau");
        double value = reference.getAs("estimate");
        assertTrue(value > 0.88 && value < 0.98, "mean-field beta on the window: " + value);
        Row beta = fits.values().stream().filter(r -> r.getAs("scope").equals("N=256")
                && r.getAs("quantity").equals("beta")).findFirst().orElseThrow();
        assertEquals((beta.<Double>getAs("estimate") - value) / beta.<Double>getAs("stderr"),
                reference.getAs("quality"), 1e-9);
    }

    /** N λ_N = F(τ N): the generic collapse of λ_N must find c1 = 1, c2 = −1 within its (over-wide) errors. */
    @Test
    void lyapunovCollapseFindsWidthExponentsOne() {
        Map<String, Row> fits = fitsByKey(SharedSpark.session());
        String scope = "N in [64, 128, 256] ";
        Row c1 = fits.get(scope + "lambda_c1 collapse_hh");
        Row c2 = fits.get(scope + "lambda_c2 collapse_hh");
        assertEquals(1.0, c1.getAs("estimate"), 3 * c1.<Double>getAs("stderr"));
        assertEquals(-1.0, c2.getAs("estimate"), 3 * c2.<Double>getAs("stderr"));
        Row tc = fits.get(scope + "lambda_t_c collapse_hh");
        assertEquals(SIGMA_WC, tc.getAs("estimate"), 3 * tc.<Double>getAs("stderr") + 0.002);
    }

    /**
     * The finite-width correction to ξ (PHYSICS.md §5): per σ_w the 1/N coefficient of λ_N agrees with the quadrature
     * c within 3 standard errors, and the pooled ξ_MF/ξ_N − 1 against ξ_MF/N is a nonzero slope (the correction is
     * seen) that agrees with −2c and passes the χ² against the predicted points. The errors on this campaign: c to
     * about ±0.3 per σ_w, the slope to about ±0.1 of its ≈ 1.76.
     */
    @Test
    void theCorrectionToTheCorrelationDepthIsTheOnePredicted() {
        SparkSession spark = SharedSpark.session();
        List<Row> coefficients = spark.sql("SELECT * FROM fits WHERE quantity = 'lambda_n_coefficient_theory'")
                .collectAsList();
        assertTrue(coefficients.size() >= 2, "sigma_w with two widths inside the cuts: " + coefficients);
        for (Row c : coefficients) {
            assertTrue(Math.abs(c.<Double>getAs("quality")) < 3.0, "pull of c: " + c);
        }
        Map<String, Row> fits = fitsByKey(spark);
        Row slope = fits.get("N->inf xi_correction_slope wls_through_origin");
        double stderr = slope.getAs("stderr");
        assertTrue(slope.<Double>getAs("estimate") > 5 * stderr, "the correction is not seen: " + slope);
        assertTrue(Math.abs(fits.get("N->inf xi_correction_slope_theory quadrature_lambda_n").<Double>getAs("quality"))
                < 3.0, "pull of the slope");
        assertTrue(fits.get("N->inf xi_correction_p chi2_upper_tail").<Double>getAs("estimate") > 1e-3);
        assertEquals(3L, spark.sql("SELECT DISTINCT series FROM fit_curves WHERE curve = 'xi_correction'").count(),
                "N=128, N=256 and predicted");
    }

    @Test
    void everyExpectedQuantityIsThereWithItsWindowAndCurves() {
        SparkSession spark = SharedSpark.session();
        List<String> quantities = spark.sql("SELECT DISTINCT quantity FROM fits ORDER BY quantity").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
        // nu_par needs correlation depths the window resolves (xi <= window / 5): this short campaign has none.
        for (String q : List.of("sigma_w_c", "sigma_w_c_inf", "sigma_w_c_slope", "delta", "delta_bare", "kappa",
                "beta", "fss_a", "fss_b", "lambda_t_c", "lambda_c1", "lambda_c2", "universality_class",
                "universality_p_mean_field", "universality_p_dp_1_1")) {
            assertTrue(quantities.contains(q), q + " missing from " + quantities);
        }
        assertEquals(0L, spark.sql("SELECT * FROM fits WHERE fit_window = '' OR isnan(estimate)").count());
        assertEquals(3L, spark.sql("SELECT DISTINCT series FROM fit_curves WHERE curve = 'critical_rho'").count());
        assertEquals(3L, spark.sql("SELECT DISTINCT series FROM fit_curves WHERE curve = 'collapse_lambda_hh'")
                .count());
    }

    @Test
    void rerunningTheFitStageGivesBitIdenticalRows() {
        SparkSession spark = SharedSpark.session();
        CampaignTables.registerViews(spark, store);
        List<Row> before = spark.sql("SELECT * FROM fits ORDER BY scope, quantity, method").collectAsList();
        FitStage.run(spark, store, plan.campaign());
        List<Row> after = spark.sql("SELECT * FROM fits ORDER BY scope, quantity, method").collectAsList();
        assertEquals(before, after);
    }
}
