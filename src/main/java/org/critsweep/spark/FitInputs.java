package org.critsweep.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.ReplicaMatrix;
import org.critsweep.grid.FamilyMember;
import org.critsweep.grid.ScalingFamily;

/**
 * What the fit stage reads, by Spark SQL over the campaign's views: the replica-level λ_N of every point (from
 * {@code raw} at the last layer), replica-level ρ curves of selected points (for the bootstrap), and replica means
 * from {@code curves}. Spreading runs (CNN protocol {@code spreading}) have no pair decay and are left out, and so are
 * replicas that a numerical fault stopped, as in {@code curves}. A NaN or infinity read here is refused
 * ({@link FiniteGuard}).
 */
final class FitInputs {

    /** One grid point of a family, with its replicas' λ_N. */
    record PointLambda(String pointId, FamilyMember family, double sigmaW, int depth, ReplicaMatrix lambda) {
    }

    private static final String LAMBDA = """
            SELECT p.point_id, p.arch, p.activation, p.sampler, p.sigma_b, p.width, p.size, p.sigma_w, p.depth,
                   r.replica, r.tangent_log_norm / p.depth AS lambda
            FROM raw r JOIN points p ON r.point_id = p.point_id
            WHERE r.layer = p.depth AND r.tangent_log_norm IS NOT NULL AND r.fault IS NULL
              AND (p.protocol IS NULL OR p.protocol = 'pair')
            ORDER BY p.point_id, r.replica""";
    private static final String RHO = """
            SELECT point_id, replica, layer, rho FROM raw
            WHERE point_id IN (%s) AND layer BETWEEN %d AND %d AND fault IS NULL
            ORDER BY point_id, replica, layer""";
    private static final String CURVE = """
            SELECT point_id, layer, %s AS value, %s AS stderr FROM curves
            WHERE point_id IN (%s) AND layer BETWEEN %d AND %d ORDER BY point_id, layer""";

    private final SparkSession spark;

    FitInputs(SparkSession spark) {
        this.spark = spark;
    }

    /** Every family's points with their replica λ_N, grouped by scaling family, then size, then σ_w. */
    Map<ScalingFamily, TreeMap<Integer, List<PointLambda>>> lambdaByFamily() {
        Map<String, List<Row>> byPoint = new LinkedHashMap<>();
        for (Row row : spark.sql(LAMBDA).collectAsList()) {
            byPoint.computeIfAbsent(row.getAs("point_id"), k -> new ArrayList<>()).add(row);
        }
        Map<ScalingFamily, TreeMap<Integer, List<PointLambda>>> families = new LinkedHashMap<>();
        FiniteGuard guard = new FiniteGuard("raw.tangent_log_norm (lambda_N)");
        for (List<Row> rows : byPoint.values()) {
            Row first = rows.get(0);
            FamilyMember family = FamilyColumns.member(first);
            double[] lambda = rows.stream().mapToDouble(r -> guard.check(r.getAs("point_id"), r.getAs("lambda")))
                    .toArray();
            PointLambda point = new PointLambda(first.getAs("point_id"), family, first.getAs("sigma_w"),
                    first.getAs("depth"), ReplicaMatrix.scalar(lambda));
            families.computeIfAbsent(family.family(), k -> new TreeMap<>())
                    .computeIfAbsent(family.size(), k -> new ArrayList<>()).add(point);
        }
        guard.refuseAny();
        for (TreeMap<Integer, List<PointLambda>> sizes : families.values()) {
            sizes.values().forEach(points -> points.sort(java.util.Comparator.comparingDouble(PointLambda::sigmaW)));
        }
        return families;
    }

    /** The replica-level ρ of each point over layers [from, to] (replicas without the full window are dropped). */
    Map<String, ReplicaMatrix> replicaRho(List<String> pointIds, int from, int to) {
        Map<String, TreeMap<Integer, List<double[]>>> rows = new HashMap<>();
        FiniteGuard guard = new FiniteGuard("raw.rho");
        for (Row row : spark.sql(RHO.formatted(quoted(pointIds), from, to)).collectAsList()) {
            String pointId = row.getAs("point_id");
            rows.computeIfAbsent(pointId, k -> new TreeMap<>())
                    .computeIfAbsent(row.<Integer>getAs("replica"), k -> new ArrayList<>())
                    .add(new double[] {row.<Integer>getAs("layer"), guard.check(pointId, row.getAs("rho"))});
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

    /** A mean and its standard error per layer from {@code curves} (rows where either is NULL are skipped). */
    Map<String, List<Measurement>> curves(List<String> pointIds, String valueColumn, String stderrColumn, int from,
                                          int to) {
        Map<String, List<Measurement>> curves = new HashMap<>();
        FiniteGuard guard = new FiniteGuard("curves." + valueColumn + " or curves." + stderrColumn);
        for (Row r : spark.sql(CURVE.formatted(valueColumn, stderrColumn, quoted(pointIds), from, to)).collectAsList()) {
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

    /**
     * The index of the first point (sorted by σ_w) at or above {@code sigmaW} whose predecessor is at or below it, or
     * empty when the scan does not bracket σ_w.
     */
    static java.util.Optional<Integer> upperBracket(List<PointLambda> points, double sigmaW) {
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i - 1).sigmaW() <= sigmaW && sigmaW <= points.get(i).sigmaW()) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }

    private static String quoted(List<String> pointIds) {
        return pointIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
