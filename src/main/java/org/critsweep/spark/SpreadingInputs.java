package org.critsweep.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.AnalysedFamily;
import org.critsweep.fit.FiniteGuard;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.ReplicaMatrix;
import org.critsweep.fit.SizeVariable;
import org.critsweep.fit.SpreadingData;
import org.critsweep.fit.SpreadingPoint;
import org.critsweep.fit.SpreadingReplicas;
import org.critsweep.grid.FamilyMember;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.store.TableNames;

/**
 * What the spreading analysis reads for one CNN family, by Spark SQL over the campaign's views: the points of
 * protocol {@code spreading} with their replicas' λ_N (from {@code raw} at the last layer), the survivors' mean R² at
 * the lowest threshold (from {@code curves}, for the light-cone cut), and the replicas' N_a and R² at every threshold
 * and selected layers (from {@code raw}). There are K thresholds: those of {@code grid.active_thresholds} whose
 * columns {@code active_sites_k}, {@code spread_r2_k} (k = 1 … K) {@code raw} has. Replicas that a numerical fault
 * stopped are left out; a NaN or infinity read here is refused ({@link FiniteGuard}).
 */
final class SpreadingInputs implements SpreadingData {

    private static final String POINTS = """
            SELECT p.point_id, p.arch, p.activation, p.sampler, p.sigma_b, p.width, p.size, p.sigma_w, p.depth,
                   r.replica, r.tangent_log_norm / p.depth AS lambda
            FROM points p LEFT JOIN raw r ON r.point_id = p.point_id AND r.layer = p.depth
              AND r.tangent_log_norm IS NOT NULL AND r.fault IS NULL
            WHERE p.protocol = 'spreading'
            ORDER BY p.point_id, r.replica""";
    private static final String SPREAD = """
            SELECT point_id, layer, spread_r2_mean_1 AS value FROM curves
            WHERE point_id IN (%s) AND spread_r2_mean_1 IS NOT NULL ORDER BY point_id, layer""";
    private static final String REPLICAS = """
            SELECT point_id, replica, layer, %s FROM raw
            WHERE point_id IN (%s) AND layer IN (%s) AND fault IS NULL ORDER BY point_id, replica, layer""";

    private final SparkSession spark;
    private final ScalingFamily scaling;
    private final List<Double> thresholds;
    private final TreeMap<Integer, List<SpreadingPoint>> bySize;

    private SpreadingInputs(SparkSession spark, ScalingFamily scaling, List<Double> thresholds,
                            TreeMap<Integer, List<SpreadingPoint>> bySize) {
        this.spark = spark;
        this.scaling = scaling;
        this.thresholds = thresholds;
        this.bySize = bySize;
    }

    /**
     * Every spreading family's inputs; none when the campaign has no spreading point.
     *
     * @param thresholds the campaign's {@code grid.active_thresholds}
     */
    static Map<ScalingFamily, SpreadingInputs> byFamily(SparkSession spark, List<Double> thresholds) {
        List<String> columns = Arrays.asList(spark.table(TableNames.RAW).columns());
        int k = (int) IntStream.rangeClosed(1, thresholds.size())
                .takeWhile(i -> columns.contains("active_sites_" + i) && columns.contains("spread_r2_" + i)).count();
        Map<String, List<Row>> byPoint = new LinkedHashMap<>();
        for (Row row : spark.sql(POINTS).collectAsList()) {
            byPoint.computeIfAbsent(row.getAs("point_id"), key -> new ArrayList<>()).add(row);
        }
        Map<ScalingFamily, TreeMap<Integer, List<SpreadingPoint>>> families = new LinkedHashMap<>();
        FiniteGuard guard = new FiniteGuard("raw.tangent_log_norm (lambda_N)");
        for (List<Row> rows : byPoint.values()) {
            Row first = rows.get(0);
            FamilyMember member = FamilyColumns.member(first);
            double[] lambda = rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("lambda")))
                    .mapToDouble(r -> guard.check(r.getAs("point_id"), r.getAs("lambda"))).toArray();
            families.computeIfAbsent(member.family(), key -> new TreeMap<>())
                    .computeIfAbsent(member.size(), key -> new ArrayList<>())
                    .add(new SpreadingPoint(first.getAs("point_id"), first.getAs("sigma_w"), first.getAs("depth"),
                            ReplicaMatrix.scalar(lambda)));
        }
        guard.refuseAny();
        Map<ScalingFamily, SpreadingInputs> inputs = new LinkedHashMap<>();
        if (k == 0) {
            return inputs;
        }
        families.forEach((family, sizes) -> {
            sizes.values().forEach(points -> points.sort(Comparator.comparingDouble(SpreadingPoint::sigmaW)));
            inputs.put(family, new SpreadingInputs(spark, family, List.copyOf(thresholds.subList(0, k)), sizes));
        });
        return inputs;
    }

    @Override
    public AnalysedFamily family() {
        return new AnalysedFamily(scaling.toString(), SizeVariable.LATTICE, scaling.arch().dimensions());
    }

    @Override
    public List<Double> thresholds() {
        return thresholds;
    }

    @Override
    public TreeMap<Integer, List<SpreadingPoint>> pointsBySize() {
        return bySize;
    }

    @Override
    public Map<String, List<Measurement>> meanSpread(List<String> pointIds) {
        Map<String, List<Measurement>> curves = new HashMap<>();
        FiniteGuard guard = new FiniteGuard("curves.spread_r2_mean_1");
        for (Row r : spark.sql(SPREAD.formatted(quoted(pointIds))).collectAsList()) {
            String pointId = r.getAs("point_id");
            double value = guard.check(pointId, r.getAs("value"));
            if (Double.isFinite(value)) { // else counted, and refused below
                curves.computeIfAbsent(pointId, key -> new ArrayList<>())
                        .add(new Measurement(r.<Integer>getAs("layer"), value, Double.NaN));
            }
        }
        guard.refuseAny();
        return curves;
    }

    /** Replicas without a row at every selected layer are left out. */
    @Override
    public Map<String, SpreadingReplicas> replicas(List<String> pointIds, List<Integer> layers) {
        int k = thresholds.size();
        String columns = IntStream.rangeClosed(1, k).mapToObj(i -> "active_sites_" + i + ", spread_r2_" + i)
                .collect(Collectors.joining(", "));
        String layerList = layers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Map<String, TreeMap<Integer, List<Row>>> rows = new HashMap<>();
        for (Row row : spark.sql(REPLICAS.formatted(columns, quoted(pointIds), layerList)).collectAsList()) {
            rows.computeIfAbsent(row.getAs("point_id"), key -> new TreeMap<>())
                    .computeIfAbsent(row.<Integer>getAs("replica"), key -> new ArrayList<>()).add(row);
        }
        FiniteGuard guard = new FiniteGuard("raw.active_sites_k (NULL) or raw.spread_r2_k");
        Map<String, SpreadingReplicas> result = new HashMap<>();
        double[] x = layers.stream().mapToDouble(Integer::doubleValue).toArray();
        rows.forEach((pointId, replicas) -> {
            List<List<Row>> complete = replicas.values().stream().filter(r -> r.size() == layers.size()).toList();
            if (complete.isEmpty()) {
                return;
            }
            List<double[][]> active = new ArrayList<>();
            List<double[][]> spread = new ArrayList<>();
            for (int t = 1; t <= k; t++) {
                String a = "active_sites_" + t;
                String s = "spread_r2_" + t;
                active.add(complete.stream().map(r -> r.stream().mapToDouble(row -> row.isNullAt(row.fieldIndex(a))
                        ? guard.check(pointId, Double.NaN) : row.<Integer>getAs(a)).toArray())
                        .toArray(double[][]::new));
                spread.add(complete.stream().map(r -> r.stream().mapToDouble(row -> row.isNullAt(row.fieldIndex(s))
                        ? Double.NaN : guard.check(pointId, row.getAs(s))).toArray()).toArray(double[][]::new));
            }
            result.put(pointId, new SpreadingReplicas(x, active, spread));
        });
        guard.refuseAny();
        return result;
    }

    private static String quoted(List<String> pointIds) {
        return pointIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
