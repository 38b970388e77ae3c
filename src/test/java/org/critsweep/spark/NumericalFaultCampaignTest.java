package org.critsweep.spark;

import static org.critsweep.kernel.PowerLawCrossing.LN_RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.critsweep.fit.AggregatedCurve;
import org.critsweep.fit.LayerWindow;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.kernel.MlpPropagator;
import org.critsweep.kernel.NetworkSpec;
import org.critsweep.kernel.PowerLawCrossing;
import org.critsweep.kernel.TestActivation;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.critsweep.theory.MeanField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numerical faults end to end (docs/ERRORS.md): the sweep records each faulted replica's rows up to its last good
 * layer plus a fault row, {@code curves} leaves the replica out of every layer and counts it in {@code flagged}, no NaN
 * or infinity reaches {@code curves} or a fit, and a ρ below the smallest double is recorded, not treated as a fault.
 */
class NumericalFaultCampaignTest {

    @TempDir
    Path temp;

    /**
     * ReLU at σ_b = 0 with identical inputs (c0 = 1). At N = 64, |h_l|² ≈ N q0 (σ_w²/2)^l: σ_w = 1e10 overflows (the
     * check sees the next layer's σ_w²|φ(h)|² ≈ N q0 (σ_w²/2)^{l+1}) and σ_w = 1e-10 underflows, each at the layer
     * the power law gives for every replica; σ_w = 1.4 runs clean. At N = 3 a layer switches every neuron off with
     * probability ≈ 1/8, and the net is exactly 0 from the next layer on: some replicas die, some do not.
     */
    @Test
    void overflowAndUnderflowStopTheirReplicasAndCurvesLeaveThemOut() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[relu]", "grid.sigma_b=[0]",
                "grid.sigma_w=[1e-10, 1.4, 1e10]", "grid.width=[3, 64]", "grid.depth=12", "grid.replicas=6",
                "grid.sampler=gram", "grid.inputs.c0=1.0");
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve("run"));
        CampaignRun.execute(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });

        double lnFactor = Math.log(1e20 / 2);
        assertAllFaultAt(spark, point(plan, 1e10, 64), "q_overflow",
                PowerLawCrossing.layer(Math.log(64) + lnFactor, lnFactor, LN_RANGE), 6);
        assertAllFaultAt(spark, point(plan, 1e-10, 64), "q_underflow",
                PowerLawCrossing.layer(Math.log(64), Math.log(1e-20 / 2), -LN_RANGE), 6);
        assertFlagged(spark, point(plan, 1.4, 64), 0);

        // N = 3: a replica dies at the layer after its first one with G = 0 (every neuron off), read from raw.
        String narrow = point(plan, 1.4, 3);
        Map<Integer, Integer> deaths = new TreeMap<>();
        for (Row r : spark.sql("SELECT replica, MIN(layer) + 1 FROM raw WHERE point_id = '" + narrow
                + "' AND g = 0 AND layer < 12 GROUP BY replica").collectAsList()) {
            deaths.put(r.getInt(0), r.getInt(1));
        }
        Map<Integer, Integer> faults = new TreeMap<>();
        for (Row r : spark.sql("SELECT replica, fault_layer FROM raw WHERE point_id = '" + narrow
                + "' AND layer = fault_layer AND fault = 'q_underflow'").collectAsList()) {
            faults.put(r.getInt(0), r.getInt(1));
        }
        assertEquals(deaths, faults);
        assertTrue(faults.size() > 0 && faults.size() < 6, "some replicas of N = 3 died, not all: " + faults);
        assertFlagged(spark, narrow, faults.size());
        // Left out by replica, not by row: layer 1 averages the survivors only, though the dead had rows there.
        double survivors = spark.sql("SELECT AVG(q_a) FROM raw WHERE point_id = '" + narrow
                + "' AND layer = 1 AND fault IS NULL").first().getDouble(0);
        assertEquals(survivors, spark.sql("SELECT q_mean FROM curves WHERE point_id = '" + narrow + "' AND layer = 1")
                .first().getDouble(0), 1e-12 * survivors);

        assertEquals(0L, spark.sql("SELECT COUNT(*) FROM curves WHERE n + flagged <> 6").first().getLong(0),
                "n + flagged = the replicas run, at every layer of every point");
        assertNoNonFinite(spark, TableNames.CURVES);
        assertNoNonFinite(spark, TableNames.FITS);
    }

    /** A replica's fault depends on its key only: faulted rows are bit-identical whatever the partitioning. */
    @Test
    void faultedRowsAreBitIdenticalWhateverThePartitioning() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[relu]", "grid.sigma_b=[0]",
                "grid.sigma_w=[1.4, 1e10]", "grid.width=[3]", "grid.depth=12", "grid.replicas=6");
        SparkSession spark = SharedSpark.session();
        CampaignStore one = new CampaignStore(temp.resolve("one"));
        CampaignStore many = new CampaignStore(temp.resolve("many"));
        SweepJob.run(spark, plan, one, new SweepJob.Settings(1, 0), (d, t) -> { });
        SweepJob.run(spark, plan, many, new SweepJob.Settings(7, 1e-12), (d, t) -> { });
        List<String> rows = SweepJobTest.sortedRows(spark, one.table(TableNames.RAW));
        assertTrue(rows.stream().anyMatch(r -> r.contains("q_overflow")), "the campaign has faults");
        assertEquals(rows, SweepJobTest.sortedRows(spark, many.table(TableNames.RAW)));
    }

    /** A CNN's faults take the same path: n = C·L = 32 components, overflow at the layer the law gives. */
    @Test
    void convolutionalCampaignRecordsItsFaultsToo() {
        CampaignPlan plan = TaskPlanner.plan(CampaignParser.parse("""
                campaign { name = cnn-faults, seed = 7879 }
                grid {
                  arch = [cnn1d]
                  activation = linear
                  sampler = dense
                  sigma_b = 0.3
                  sigma_w = [1.0, 1e10]
                  channels = [4]
                  size = [8]
                  depth = 12
                  replicas = 4
                }
                """, "cnn-faults.conf", List.of("campaign.output=\"" + temp + "\"")));
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve("cnn"));
        CampaignRun.execute(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        double lnFactor = Math.log(1e20);
        assertAllFaultAt(spark, point(plan, 1e10, 4), "q_overflow",
                PowerLawCrossing.layer(Math.log(32) + lnFactor, lnFactor, LN_RANGE), 4);
        assertFlagged(spark, point(plan, 1.0, 4), 0);
        assertNoNonFinite(spark, TableNames.CURVES);
    }

    /**
     * Tanh at (σ_w, σ_b) = (0.5, 0.3) is ordered: ln ρ falls by |ln χ₁| ≈ 1.57 a layer, and ρ leaves the double range
     * (rounds to 0 below 2^-1075) near layer 475. That is not a fault: ln ρ stays exact, rho_underflow flags the rows,
     * nothing is excluded. The first flagged layer is where the mean-field decay puts ρ = 2^-1075, within the O(1/N)
     * finite-width shift of the slope (3/N ≈ 3 % at N = 64; we allow 10 %).
     */
    @Test
    void rhoBelowTheSmallestDoubleIsRecordedAndNotAFault() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.sigma_w=[0.5]", "grid.width=[64]",
                "grid.depth=520", "grid.replicas=4", "grid.sampler=gram");
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve("ordered"));
        CampaignRun.execute(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });

        MeanField field = MeanField.of(org.critsweep.kernel.ActivationKind.TANH.activation(), 0.5, 0.3);
        double[] meanField = field.curve(1.0, 0.8, 200).rho();
        double predicted = 200 + (-1075 * Math.log(2) - Math.log(meanField[200])) / Math.log(field.point().chi1());
        List<Row> firsts = spark.sql("SELECT replica, MIN(layer) FROM raw WHERE rho_underflow GROUP BY replica")
                .collectAsList();
        assertEquals(4, firsts.size(), "every replica's rho left the double range");
        for (Row r : firsts) {
            assertEquals(predicted, r.getInt(1), 0.1 * predicted, "replica " + r.getInt(0) + ": first such layer");
        }
        assertEquals(0L, spark.sql("SELECT COUNT(*) FROM raw WHERE rho_underflow <> (rho = 0 AND ln_rho IS NOT NULL) "
                + "OR (ln_rho < -746 AND NOT rho_underflow) OR (ln_rho > -744 AND rho_underflow)").first().getLong(0),
                "rho_underflow flags exactly the rows whose exact ln rho is below ln 2^-1075");
        assertEquals(0L, spark.sql("SELECT COUNT(*) FROM raw WHERE fault IS NOT NULL").first().getLong(0));
        Row last = spark.sql("SELECT n, flagged, n_rho_underflow, rho_mean, ln_rho_mean FROM curves WHERE layer = 520")
                .first();
        assertEquals(4L, last.getLong(0));
        assertEquals(0L, last.getLong(1));
        assertEquals(4L, last.getLong(2));
        assertEquals(0.0, last.getDouble(3));
        assertTrue(last.getDouble(4) < -744, "ln rho stays exact: " + last.getDouble(4));
        assertNoNonFinite(spark, TableNames.CURVES);
        assertNoNonFinite(spark, TableNames.FITS);
    }

    /**
     * φ = x up to |x| = 1e27 and NaN beyond, on the linear campaign's points (rows from {@link ReplicaRows}, which
     * the sweep maps over each task): with σ_w = 1e6 every replica's pre-activations pass 1e27 at layer 5.
     */
    @Test
    void aNanActivationIsRecordedAndLeftOutOfCurves() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[linear]", "grid.sigma_w=[1e6]",
                "grid.width=[8]", "grid.depth=12");
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve("nan"));
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        List<Row> rows = new ArrayList<>();
        for (var task : plan.tasks()) {
            GridPoint p = task.point();
            NetworkSpec spec = new NetworkSpec(TestActivation.nanBeyond(1e27, true), p.sigmaW(), p.sigmaB(), p.width(),
                    p.depth(), p.q0(), p.c0());
            rows.addAll(ReplicaRows.of(task, plan.campaign().seed(), plan.campaign().grid().record(),
                    ReplicaRows.ReplicaRunner.mlp(MlpPropagator.gram(spec))));
        }
        spark.createDataFrame(rows, Tables.RAW_SCHEMA).write().mode(SaveMode.Overwrite).partitionBy("point_id")
                .parquet(store.table(TableNames.RAW));
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);
        assertAllFaultAt(spark, point(plan, 1e6, 8), "nan_activation",
                PowerLawCrossing.layer(0.0, 2 * Math.log(1e6), 2 * Math.log(1e27)), 5);
        assertNoNonFinite(spark, TableNames.CURVES);
    }

    /** NaN and infinity fed to the fit's inputs are refused, with their count and point, not fitted or dropped. */
    @Test
    void fitInputsRefuseNonFiniteValuesWithTheirCount() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString());
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve("guard"));
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);
        String pointId = plan.points().get(2).pointId();
        FitInputs inputs = FitInputs.byFamily(spark).values().iterator().next(); // reads any point's rho and curves
        assertEquals(5, inputs.replicaRho(List.of(pointId), new LayerWindow(10, 20)).get(pointId).replicas(),
                "clean inputs pass");

        damage(spark, TableNames.RAW, "rho", pointId, "replica = 0 AND layer = 13", Double.NaN);
        IllegalStateException rho = assertThrows(IllegalStateException.class,
                () -> inputs.replicaRho(List.of(pointId), new LayerWindow(10, 20)));
        assertTrue(rho.getMessage().startsWith("fit refused: 1 non-finite value (NaN or infinity) in raw.rho, point "
                + pointId), rho.getMessage());

        damage(spark, TableNames.RAW, "tangent_log_norm", pointId, "replica < 2 AND layer = 20",
                Double.POSITIVE_INFINITY);
        IllegalStateException lambda = assertThrows(IllegalStateException.class, () -> FitInputs.byFamily(spark));
        assertTrue(lambda.getMessage().contains("2 non-finite values"), lambda.getMessage());

        damage(spark, TableNames.CURVES, "rho_stderr", pointId, "layer IN (11, 12, 13)", Double.NEGATIVE_INFINITY);
        IllegalStateException curves = assertThrows(IllegalStateException.class,
                () -> inputs.curves(List.of(pointId), AggregatedCurve.RHO, new LayerWindow(10, 20)));
        assertTrue(curves.getMessage().contains("3 non-finite values") && curves.getMessage().contains(pointId),
                curves.getMessage());
    }

    /** Replaces a view by itself with {@code column} set to {@code value} on the point's rows matching a condition. */
    private static void damage(SparkSession spark, String view, String column, String pointId, String where,
                               double value) {
        spark.table(view).withColumn(column, functions.when(functions.expr("point_id = '" + pointId + "' AND " + where),
                functions.lit(value)).otherwise(functions.col(column))).createOrReplaceTempView(view);
    }

    private static String point(CampaignPlan plan, double sigmaW, int width) {
        return plan.points().stream().filter(p -> p.sigmaW() == sigmaW && p.width() == width).findFirst()
                .orElseThrow().pointId();
    }

    /**
     * Every replica of the point faulted with {@code fault} at {@code layer}: its rows 0..layer−1 carry the fault,
     * its fault row at {@code layer} measured nothing, and curves has n = 0 and every replica flagged.
     */
    private static void assertAllFaultAt(SparkSession spark, String pointId, String fault, int layer, int replicas) {
        String where = " FROM raw WHERE point_id = '" + pointId + "'";
        Row summary = spark.sql("SELECT COUNT(DISTINCT replica), MIN(fault), MAX(fault), MIN(fault_layer), "
                + "MAX(fault_layer), MAX(layer), COUNT(*)" + where).first();
        assertEquals(replicas, summary.getLong(0));
        assertEquals(fault, summary.getString(1));
        assertEquals(fault, summary.getString(2));
        assertEquals(layer, summary.getInt(3));
        assertEquals(layer, summary.getInt(4));
        assertEquals(layer, summary.getInt(5));
        assertEquals((long) replicas * (layer + 1), summary.getLong(6), "layers 0.." + layer + " of every replica");
        Row faultRows = spark.sql("SELECT COUNT(*), COUNT(q_a), COUNT(rho), COUNT(g), COUNT(probe), COUNT(absorbed)"
                + where + " AND layer = " + layer).first();
        assertEquals(replicas, faultRows.getLong(0));
        for (int i = 1; i < faultRows.size(); i++) {
            assertEquals(0L, faultRows.getLong(i), "the fault row measured nothing");
        }
        assertEquals(layer, spark.sql("SELECT COUNT(*) FROM curves WHERE point_id = '" + pointId + "'").first()
                .getLong(0), "curves keeps layers 0.." + (layer - 1));
        for (Row c : spark.sql("SELECT n, flagged, rho_mean FROM curves WHERE point_id = '" + pointId + "'")
                .collectAsList()) {
            assertEquals(0L, c.getLong(0));
            assertEquals(replicas, c.getLong(1));
            assertNull(c.get(2));
        }
    }

    private static void assertFlagged(SparkSession spark, String pointId, long flagged) {
        List<Row> rows = spark.sql("SELECT flagged, n FROM curves WHERE point_id = '" + pointId + "'").collectAsList();
        assertTrue(!rows.isEmpty());
        for (Row c : rows) {
            assertEquals(flagged, c.getLong(0));
        }
    }

    /** No NaN or ±∞ in any double column of a table (NULL is fine). */
    private static void assertNoNonFinite(SparkSession spark, String table) {
        Map<String, Integer> bad = new HashMap<>();
        for (StructField field : spark.table(table).schema().fields()) {
            if (field.dataType().equals(DataTypes.DoubleType)) {
                long count = spark.sql("SELECT COUNT(*) FROM " + table + " WHERE isnan(" + field.name() + ") OR "
                        + field.name() + " IN (double('Infinity'), double('-Infinity'))").first().getLong(0);
                if (count > 0) {
                    bad.put(field.name(), (int) count);
                }
            }
        }
        assertEquals(Map.of(), bad, table + ": non-finite values per column");
    }
}
