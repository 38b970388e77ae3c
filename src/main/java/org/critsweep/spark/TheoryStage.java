package org.critsweep.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.critsweep.theory.ExactFiniteWidth;
import org.critsweep.theory.FiniteWidthLyapunov;
import org.critsweep.theory.FiniteWidthRecursion;
import org.critsweep.theory.MeanField;
import org.critsweep.theory.MeanFieldCurve;
import org.critsweep.theory.MeanFieldPoint;

/**
 * The mean-field overlay: for every distinct (activation, σ_w, σ_b, q0, c0, depth) of the plan, the infinite-width
 * q_l and ρ_l (computed once: on the driver while the sweep runs when the curves are few, else in parallel on the
 * executors; the same rows either way) written as the {@code theory} table keyed by
 * (point_id, layer), which the aggregation joins into {@code curves}; and the fixed-point quantities per point for the
 * {@code points} table. Points that share physics (they differ only in width) share one computation; the 1/n
 * recursion's Var(G)/E[G]² (PHYSICS.md §5) depends on the width and is computed per MLP point. A CNN in the
 * pair protocol has the MLP's maps (fan-in C k^d); spreading runs, where only one site differs, have no overlay.
 */
public final class TheoryStage {

    /** The physics a mean-field curve depends on. */
    record CurveKey(ActivationKind activation, double sigmaW, double sigmaB, double q0, double c0, int depth)
            implements java.io.Serializable {
        static CurveKey of(GridPoint p) {
            return new CurveKey(p.activation(), p.sigmaW(), p.sigmaB(), p.q0(), p.c0(), p.depth());
        }
    }

    /** A point sharing a curve: its id, and its MLP width for the 1/n overlay (0 for a CNN, which has none). */
    record PointRef(String pointId, int mlpWidth) implements java.io.Serializable {
    }

    /** One curve to compute and the points that share it. */
    record CurveWork(CurveKey key, ArrayList<PointRef> points) implements java.io.Serializable {
    }

    private TheoryStage() {
    }

    /**
     * At most this many layer maps (distinct curves × (depth + 1)) are computed on the driver, in the background while
     * the sweep runs; more go to the executors at the theory stage. A layer map of tanh is a two-dimensional
     * quadrature of a few milliseconds: the quickstart's 11 curves of 513 layers (5 643 maps) took 9.6 s as a Spark
     * stage on 2 idle cores, and now run behind its sweep; the limit is about 3.5 times that.
     */
    static final long DRIVER_LAYER_MAPS = 20_000;

    /** The {@code theory} rows being computed: on the driver already, or on the executors when written. */
    public static final class Pending {
        private final SparkSession spark;
        private final List<CurveWork> work;
        private final List<CompletableFuture<List<Row>>> onDriver;

        private Pending(SparkSession spark, List<CurveWork> work, boolean driver) {
            this.spark = spark;
            this.work = work;
            if (!driver) {
                onDriver = null;
                return;
            }
            ExecutorService threads = Executors.newFixedThreadPool(
                    Math.max(1, Math.min(work.size(), spark.sparkContext().defaultParallelism())), r -> {
                        Thread thread = new Thread(r, "critsweep-theory");
                        thread.setDaemon(true);
                        return thread;
                    });
            onDriver = work.stream().map(w -> CompletableFuture.supplyAsync(() -> curveRows(w.key(), w.points()),
                    threads)).toList();
            threads.shutdown();
        }

        /** Waits for the driver's rows, or computes them on the executors; writes the table, registers the view. */
        public void write(CampaignStore store) {
            if (onDriver == null) {
                var rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(work, Math.max(1, work.size()))
                        .flatMap(w -> curveRows(w.key(), w.points()).iterator());
                store.replaceTable(TableNames.THEORY, location -> spark.createDataFrame(rows, Tables.THEORY_SCHEMA)
                        .write().mode(SaveMode.Overwrite).parquet(location));
                return;
            }
            List<Row> rows = onDriver.stream().flatMap(f -> rowsOf(f).stream()).toList();
            store.replaceTable(TableNames.THEORY, location -> spark.createDataFrame(rows, Tables.THEORY_SCHEMA)
                    .coalesce(1).write().mode(SaveMode.Overwrite).parquet(location));
        }
    }

    /** A curve's rows, or the exception that computing them threw (not wrapped). */
    private static List<Row> rowsOf(CompletableFuture<List<Row>> curve) {
        try {
            return curve.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Writes the {@code theory} table. */
    public static void writeCurves(SparkSession spark, CampaignPlan plan, CampaignStore store) {
        start(spark, plan).write(store);
    }

    /**
     * Starts the plan's mean-field overlay: on the driver, at once, when it has at most {@value #DRIVER_LAYER_MAPS}
     * layer maps, so that it runs while the sweep does; else on the executors when {@link Pending#write} is called.
     */
    public static Pending start(SparkSession spark, CampaignPlan plan) {
        List<CurveWork> work = work(plan);
        return new Pending(spark, work, layerMaps(work) <= DRIVER_LAYER_MAPS);
    }

    /** {@link #start} on the path asked for: the test that both paths write the same rows. */
    static Pending start(SparkSession spark, CampaignPlan plan, boolean onDriver) {
        return new Pending(spark, work(plan), onDriver);
    }

    static long layerMaps(List<CurveWork> work) {
        return work.stream().mapToLong(w -> w.key().depth() + 1L).sum();
    }

    static List<CurveWork> work(CampaignPlan plan) {
        Map<CurveKey, ArrayList<PointRef>> shared = new LinkedHashMap<>();
        for (GridPoint p : plan.points()) {
            if (p.protocol() != org.critsweep.kernel.Protocol.SPREADING) {
                shared.computeIfAbsent(CurveKey.of(p), k -> new ArrayList<>())
                        .add(new PointRef(p.pointId(), p.arch().convolutional() ? 0 : p.width()));
            }
        }
        List<CurveWork> work = new ArrayList<>();
        shared.forEach((k, ids) -> work.add(new CurveWork(k, ids)));
        return work;
    }

    private static List<Row> curveRows(CurveKey key, List<PointRef> points) {
        MeanField field = MeanField.of(key.activation().activation(), key.sigmaW(), key.sigmaB());
        MeanFieldCurve curve = field.curve(key.q0(), key.c0(), key.depth());
        List<Row> rows = new ArrayList<>(points.size() * (key.depth() + 1));
        for (PointRef point : points) {
            int n = point.mlpWidth();
            double[] relativeVariance = n > 0
                    ? FiniteWidthRecursion.relativeVarianceOfG(field, key.q0(), n, key.depth() + 1) : null;
            ExactFiniteWidth exact = n > 0 ? ExactFiniteWidth.of(key.activation(), key.sigmaW(), key.sigmaB(), key.q0(),
                    n).orElse(null) : null;
            for (int l = 0; l <= key.depth(); l++) {
                rows.add(RowFactory.create(point.pointId(), l, Tables.finiteOrNull(curve.q()[l]),
                        Tables.finiteOrNull(curve.rho()[l]),
                        relativeVariance == null ? null : Tables.finiteOrNull(relativeVariance[l]),
                        relativeVariance == null ? null
                                : Tables.finiteOrNull(preActivationKurtosis(relativeVariance, n, l)),
                        exact == null ? null : Tables.finiteOrNull(exact.relativeVarianceOfG(l)),
                        exact == null ? null : Tables.finiteOrNull(exact.lnGMean(l)),
                        exact == null ? null : Tables.finiteOrNull(exact.lnGVariance(l))));
            }
        }
        return rows;
    }

    /**
     * The excess kurtosis of layer l's pre-activations (PHYSICS.md §5): −6/(n + 2) at l = 0, a component of a uniform
     * point on the sphere of dimension n; 3 Var(G^{l−1})/E[G^{l−1}]² beyond, since they are N(0, G^{l−1}) given
     * G^{l−1}.
     */
    static double preActivationKurtosis(double[] relativeVarianceOfG, int width, int layer) {
        return layer == 0 ? -6.0 / (width + 2.0) : 3.0 * relativeVarianceOfG[layer - 1];
    }

    /**
     * The point's mean-field fixed point, or empty where q* does not exist (ReLU or linear networks whose q grows
     * without bound): the points table then holds NULLs and the phase "unbounded".
     */
    static java.util.Optional<MeanFieldPoint> fixedPoint(GridPoint p) {
        try {
            return java.util.Optional.of(MeanField.of(p.activation().activation(), p.sigmaW(), p.sigmaB()).point());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The 1/N prediction of the point's recorded λ_N (PHYSICS.md §5), or NULL for a CNN and where it is undefined (no
     * stationary q*: ReLU or linear nets with unbounded q).
     */
    static Double lambdaPrediction(GridPoint p) {
        if (p.arch().convolutional()) {
            return null;
        }
        try {
            return Tables.finiteOrNull(FiniteWidthLyapunov.of(MeanField.of(p.activation().activation(), p.sigmaW(),
                    p.sigmaB())).runningMean(p.q0(), p.depth(), p.width()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
