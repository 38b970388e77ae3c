package org.critsweep.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.AggregatedCurve;
import org.critsweep.fit.AnalysedFamily;
import org.critsweep.fit.FamilyData;
import org.critsweep.fit.FiniteGuard;
import org.critsweep.fit.LambdaPoint;
import org.critsweep.fit.LayerWindow;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.ReplicaMatrix;
import org.critsweep.fit.SizeVariable;
import org.critsweep.grid.FamilyMember;
import org.critsweep.grid.ScalingFamily;

/**
 * What the fit stage reads for one scaling family, by Spark SQL over the campaign's views: the replica-level λ_N of
 * every point (from {@code raw} at the last layer), replica-level ρ and ln G curves of selected points (for the
 * bootstrap), and replica means from {@code curves}. Spreading runs (CNN protocol {@code spreading}) have no pair
 * decay and are left out ({@link SpreadingInputs} reads them), and so are replicas that a numerical fault stopped, as
 * in {@code curves}. A NaN or infinity read here is refused ({@link FiniteGuard}).
 */
final class FitInputs implements FamilyData {

    private static final String LAMBDA = """
            SELECT p.point_id, p.arch, p.activation, p.sampler, p.sigma_b, p.width, p.size, p.sigma_w, p.depth,
                   r.replica, r.tangent_log_norm / p.depth AS lambda
            FROM raw r JOIN points p ON r.point_id = p.point_id
            WHERE r.layer = p.depth AND r.tangent_log_norm IS NOT NULL AND r.fault IS NULL
              AND (p.protocol IS NULL OR p.protocol = 'pair')
            ORDER BY p.point_id, r.replica""";
    private static final String REPLICAS = """
            SELECT point_id, replica, layer, %s AS value FROM raw
            WHERE point_id IN (%s) AND layer BETWEEN %d AND %d AND fault IS NULL
            ORDER BY point_id, replica, layer""";
    private static final String CURVE = """
            SELECT point_id, layer, %s AS value, %s AS stderr FROM curves
            WHERE point_id IN (%s) AND layer BETWEEN %d AND %d ORDER BY point_id, layer""";

    private final SparkSession spark;
    private final AnalysedFamily family;
    private final TreeMap<Integer, List<LambdaPoint>> lambdaBySize;

    private FitInputs(SparkSession spark, AnalysedFamily family, TreeMap<Integer, List<LambdaPoint>> lambdaBySize) {
        this.spark = spark;
        this.family = family;
        this.lambdaBySize = lambdaBySize;
    }

    /** Every family's inputs, with its points' replica λ_N read once for all, grouped by size, then σ_w. */
    static Map<ScalingFamily, FitInputs> byFamily(SparkSession spark) {
        Map<String, List<Row>> byPoint = new LinkedHashMap<>();
        for (Row row : spark.sql(LAMBDA).collectAsList()) {
            byPoint.computeIfAbsent(row.getAs("point_id"), k -> new ArrayList<>()).add(row);
        }
        Map<ScalingFamily, TreeMap<Integer, List<LambdaPoint>>> families = new LinkedHashMap<>();
        FiniteGuard guard = new FiniteGuard("raw.tangent_log_norm (lambda_N)");
        for (List<Row> rows : byPoint.values()) {
            Row first = rows.get(0);
            FamilyMember family = FamilyColumns.member(first);
            double[] lambda = rows.stream().mapToDouble(r -> guard.check(r.getAs("point_id"), r.getAs("lambda")))
                    .toArray();
            LambdaPoint point = new LambdaPoint(first.getAs("point_id"), first.getAs("sigma_w"), first.getAs("depth"),
                    ReplicaMatrix.scalar(lambda));
            families.computeIfAbsent(family.family(), k -> new TreeMap<>())
                    .computeIfAbsent(family.size(), k -> new ArrayList<>()).add(point);
        }
        guard.refuseAny();
        Map<ScalingFamily, FitInputs> inputs = new LinkedHashMap<>();
        families.forEach((scaling, sizes) -> {
            sizes.values().forEach(points -> points.sort(Comparator.comparingDouble(LambdaPoint::sigmaW)));
            inputs.put(scaling, new FitInputs(spark, analysed(scaling), sizes));
        });
        return inputs;
    }

    /** The family as the analysis knows it: its label (which seeds the bootstrap), size variable and dimension. */
    private static AnalysedFamily analysed(ScalingFamily family) {
        return new AnalysedFamily(family.toString(), family.mlp() ? SizeVariable.WIDTH : SizeVariable.LATTICE,
                family.arch().dimensions());
    }

    @Override
    public AnalysedFamily family() {
        return family;
    }

    @Override
    public TreeMap<Integer, List<LambdaPoint>> lambdaBySize() {
        return lambdaBySize;
    }

    @Override
    public Map<String, ReplicaMatrix> replicaRho(List<String> pointIds, LayerWindow window) {
        return replicas("rho", "raw.rho", pointIds, window);
    }

    /** ln of {@code raw.g}; a G ≤ 0 in a replica without a fault reads as NaN and is refused. */
    @Override
    public Map<String, ReplicaMatrix> replicaLnG(List<String> pointIds, LayerWindow window) {
        return replicas("IF(g > 0, LN(g), double('NaN'))", "ln raw.g", pointIds, window);
    }

    /** The values of {@code expression} over raw by point, replica and layer, as {@link #replicaRho} describes. */
    private Map<String, ReplicaMatrix> replicas(String expression, String source, List<String> pointIds,
                                                LayerWindow window) {
        Map<String, TreeMap<Integer, List<double[]>>> rows = new HashMap<>();
        FiniteGuard guard = new FiniteGuard(source);
        for (Row row : spark.sql(REPLICAS.formatted(expression, quoted(pointIds), window.from(), window.to()))
                .collectAsList()) {
            String pointId = row.getAs("point_id");
            rows.computeIfAbsent(pointId, k -> new TreeMap<>())
                    .computeIfAbsent(row.<Integer>getAs("replica"), k -> new ArrayList<>())
                    .add(new double[] {row.<Integer>getAs("layer"), guard.check(pointId, row.getAs("value"))});
        }
        guard.refuseAny();
        Map<String, ReplicaMatrix> matrices = new HashMap<>();
        rows.forEach((pointId, replicas) -> {
            int layers = replicas.values().stream().mapToInt(List::size).max().orElse(0);
            List<List<double[]>> complete = replicas.values().stream().filter(r -> r.size() == layers).toList();
            double[] x = complete.get(0).stream().mapToDouble(v -> v[0]).toArray();
            double[][] values = complete.stream().map(r -> r.stream().mapToDouble(v -> v[1]).toArray())
                    .toArray(double[][]::new);
            matrices.put(pointId, new ReplicaMatrix(x, values));
        });
        return matrices;
    }

    /** From the {@code curves} table; rows where the mean or the standard error is NULL are skipped. */
    @Override
    public Map<String, List<Measurement>> curves(List<String> pointIds, AggregatedCurve curve, LayerWindow layers) {
        String column = switch (curve) {
            case RHO -> "rho";
            case LN_RHO -> "ln_rho";
        };
        String valueColumn = column + "_mean";
        String stderrColumn = column + "_stderr";
        Map<String, List<Measurement>> curves = new HashMap<>();
        FiniteGuard guard = new FiniteGuard("curves." + valueColumn + " or curves." + stderrColumn);
        for (Row r : spark.sql(CURVE.formatted(valueColumn, stderrColumn, quoted(pointIds), layers.from(),
                layers.to())).collectAsList()) {
            if (r.isNullAt(r.fieldIndex("value")) || r.isNullAt(r.fieldIndex("stderr"))) {
                continue;
            }
            String pointId = r.getAs("point_id");
            double value = guard.check(pointId, r.getAs("value"));
            double stderr = guard.check(pointId, r.getAs("stderr"));
            if (Double.isFinite(value) && Double.isFinite(stderr)) { // else counted, and refused below
                curves.computeIfAbsent(pointId, k -> new ArrayList<>())
                        .add(new Measurement(r.<Integer>getAs("layer"), value, stderr));
            }
        }
        guard.refuseAny();
        return curves;
    }

    private static String quoted(List<String> pointIds) {
        return pointIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
