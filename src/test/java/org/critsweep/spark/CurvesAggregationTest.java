package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL aggregation checked against the same statistics computed in Java from the raw rows. */
class CurvesAggregationTest {

    private static final Activation TANH = ActivationKind.TANH.activation();

    @TempDir
    Path temp;

    /**
     * The same raw rows laid out differently — written at once, or grown from 20 to 40 replicas (two files per point,
     * read in whatever order Spark packs them) — aggregate to bit-identical curves.
     */
    @Test
    void curvesDoNotDependOnHowTheRawRowsWereWritten() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.replicas=40");
        CampaignStore once = new CampaignStore(temp.resolve("once"));
        SweepJob.run(spark, plan, once, new SweepJob.Settings(1, 0), (d, t) -> { });
        CampaignStore grown = new CampaignStore(temp.resolve("grown"));
        SweepJob.run(spark, TinyCampaigns.plan(temp.toString(), "grid.replicas=20"), grown,
                new SweepJob.Settings(3, 0), (d, t) -> { });
        SweepJob.run(spark, plan, grown, new SweepJob.Settings(5, 1e-12), (d, t) -> { });
        List<List<String>> curves = new java.util.ArrayList<>();
        for (CampaignStore store : List.of(once, grown)) {
            TheoryStage.writeCurves(spark, plan, store);
            CurvesAggregation.run(spark, store);
            curves.add(spark.sql("SELECT * FROM curves ORDER BY point_id, layer").collectAsList().stream()
                    .map(SweepJobTest::exact).toList());
        }
        assertEquals(curves.get(0), curves.get(1));
    }

    @Test
    void curvesMatchStatisticsComputedDirectlyFromRawRows() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString());
        CampaignStore store = new CampaignStore(temp);
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);

        String pointId = plan.points().get(2).pointId();
        int layer = 13;
        List<Row> raw = spark.sql("SELECT rho, ln_rho, q_a, tangent_log_norm FROM raw WHERE point_id = '" + pointId
                + "' AND layer = " + layer).collectAsList();
        SummaryStatistics rho = new SummaryStatistics();
        SummaryStatistics lnRho = new SummaryStatistics();
        SummaryStatistics q = new SummaryStatistics();
        SummaryStatistics logNorm = new SummaryStatistics();
        double[] rhos = new double[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            Row r = raw.get(i);
            rho.addValue(r.getDouble(0));
            lnRho.addValue(r.getDouble(1));
            q.addValue(r.getDouble(2));
            logNorm.addValue(r.getDouble(3));
            rhos[i] = r.getDouble(0);
        }
        Row c = spark.sql("SELECT * FROM curves WHERE point_id = '" + pointId + "' AND layer = " + layer).first();
        double n = raw.size();
        assertEquals(5L, (long) c.<Long>getAs("n"));
        assertEquals(rho.getMean(), c.<Double>getAs("rho_mean"), 1e-12 * rho.getMean());
        assertEquals(rho.getStandardDeviation() / Math.sqrt(n), c.<Double>getAs("rho_stderr"), 1e-9 * rho.getMean());
        assertEquals(new Median().evaluate(rhos), c.<Double>getAs("rho_median"), 1e-12 * rho.getMean());
        assertEquals(lnRho.getMean(), c.<Double>getAs("ln_rho_mean"), 1e-12 * Math.abs(lnRho.getMean()));
        assertEquals(q.getMean(), c.<Double>getAs("q_mean"), 1e-12 * q.getMean());
        assertEquals(logNorm.getMean() / layer, c.<Double>getAs("lyapunov_mean"), 1e-12);
        assertEquals(logNorm.getStandardDeviation() / Math.sqrt(n) / layer, c.<Double>getAs("lyapunov_stderr"), 1e-12);
        assertEquals(0L, (long) c.<Long>getAs("n_absorbed"));
    }

    @Test
    void absorbedReplicasCountAsZeroRhoAndStayOutOfLogStatistics() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.inputs.c0=1.0");
        CampaignStore store = new CampaignStore(temp);
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);
        Row c = spark.sql("SELECT n, n_absorbed, rho_mean, rho_stderr, ln_rho_mean, n_ln_rho FROM curves WHERE layer = 7 LIMIT 1").first();
        assertEquals(5L, c.getLong(0));
        assertEquals(5L, c.getLong(1));
        assertEquals(0.0, c.getDouble(2));
        assertEquals(0.0, c.getDouble(3));
        assertNull(c.get(4), "ln ρ of an exact merger is NULL, never NaN or -Infinity");
        assertEquals(0L, c.getLong(5));
    }

    /**
     * At N = 1024 and a few layers the finite net follows mean-field theory (PHYSICS.md §5, l ≪ N): the measured
     * ρ and q agree with the overlay within 4 standard errors (finite-width bias O(l/N) ≈ 0.5 % is below that), and
     * the overlay is the theory engine's curve for the point.
     */
    @Test
    void meanFieldOverlayMatchesTheEngineAndTheWideNetwork() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.width=[1024]", "grid.sigma_w=[1.5]",
                "grid.depth=6", "grid.replicas=40");
        CampaignStore store = new CampaignStore(temp);
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);
        var point = plan.points().get(0);
        var expected = org.critsweep.theory.MeanField.of(TANH, 1.5, 0.3)
                .curve(1.0, 0.8, 6);
        for (Row c : spark.sql("SELECT layer, rho_mean, rho_stderr, q_mean, q_stderr, mf_rho, mf_q FROM curves ORDER BY layer")
                .collectAsList()) {
            int layer = c.getInt(0);
            assertEquals(expected.rho()[layer], c.getDouble(5), 0.0);
            assertEquals(expected.q()[layer], c.getDouble(6), 0.0);
            if (layer > 0) {
                assertEquals(c.getDouble(5), c.getDouble(1), 4 * c.getDouble(2), "rho at layer " + layer);
                assertEquals(c.getDouble(6), c.getDouble(3), 4 * c.getDouble(4), "q at layer " + layer);
            }
        }
        Row g = spark.sql("SELECT g_relative_variance, nw_g_relative_variance FROM curves WHERE layer = 5").first();
        double[] recursion = org.critsweep.theory.FiniteWidthRecursion.relativeVarianceOfG(
                org.critsweep.theory.MeanField.of(TANH, 1.5, 0.3), 1.0, 1024, 7);
        assertEquals(recursion[5], g.getDouble(1), 0.0, "the 1/n overlay is the recursion for the point's width");
        Row p = spark.sql("SELECT q_star, chi1, kappa, phase FROM points").first();
        var theory = org.critsweep.theory.MeanField.of(TANH, 1.5, 0.3).point();
        assertEquals(theory.qStar(), p.getDouble(0), 0.0);
        assertEquals(theory.chi1(), p.getDouble(1), 0.0);
        assertEquals(theory.kappa(), p.getDouble(2), 0.0);
        assertEquals("chaotic", p.getString(3));
    }
}
