package org.critsweep.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.CriticalDecayFit;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.LyapunovRoot;
import org.critsweep.fit.Measurement;

/**
 * The fit stage: per family, the σ_w root of λ_N (read from {@code curves} at the last layer), then the critical
 * decay 1/ρ = κl + b at the grid point nearest that root; written to {@code fits}. Reads the {@code curves} view.
 */
public final class FitStage {

    /** The decay fit skips the first layers, where q still relaxes from q0 to q* (a few correlation lengths). */
    static final int DECAY_FIRST_LAYER = 10;

    private static final String LAMBDA_SCAN = """
            SELECT arch, activation, sampler, sigma_b, width, size, point_id, sigma_w, lyapunov_mean, lyapunov_stderr
            FROM curves WHERE layer = depth ORDER BY arch, activation, sampler, sigma_b, width, size, sigma_w""";
    private static final String RHO_CURVE = """
            SELECT layer, rho_mean, rho_stderr FROM curves WHERE point_id = '%s' ORDER BY layer""";

    private FitStage() {
    }

    public static List<FamilyFits> run(SparkSession spark, CampaignStore store) {
        Map<Family, List<Row>> scans = new LinkedHashMap<>();
        for (Row row : spark.sql(LAMBDA_SCAN).collectAsList()) {
            scans.computeIfAbsent(Family.of(row), f -> new ArrayList<>()).add(row);
        }
        List<FamilyFits> results = new ArrayList<>();
        List<Row> fitRows = new ArrayList<>();
        for (Map.Entry<Family, List<Row>> scan : scans.entrySet()) {
            FamilyFits fits = fitFamily(spark, scan.getKey(), scan.getValue());
            results.add(fits);
            fits.criticalPoint().ifPresent(r -> fitRows.add(fitRow(fits.family(), r, null)));
            fits.criticalDecay().ifPresent(r -> fitRows.add(fitRow(fits.family(), r, fits.nearestPointId())));
        }
        spark.createDataFrame(fitRows, Tables.FITS_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(store.table(Tables.FITS));
        spark.read().parquet(store.table(Tables.FITS)).createOrReplaceTempView(Tables.FITS);
        return results;
    }

    private static FamilyFits fitFamily(SparkSession spark, Family family, List<Row> scan) {
        List<Measurement> lambda = scan.stream().map(r -> new Measurement(r.<Double>getAs("sigma_w"),
                r.<Double>getAs("lyapunov_mean"), orNaN(r.getAs("lyapunov_stderr")))).toList();
        String range = "[" + lambda.get(0).x() + ", " + lambda.get(lambda.size() - 1).x() + "]";
        Optional<FitResult> root = LyapunovRoot.find(lambda);
        if (root.isEmpty()) {
            return new FamilyFits(family, range, root, Double.NaN, null, Optional.empty());
        }
        Row nearest = scan.get(0);
        for (Row r : scan) {
            if (Math.abs(r.<Double>getAs("sigma_w") - root.get().estimate())
                    < Math.abs(nearest.<Double>getAs("sigma_w") - root.get().estimate())) {
                nearest = r;
            }
        }
        String pointId = nearest.getAs("point_id");
        List<Measurement> curve = spark.sql(RHO_CURVE.formatted(pointId)).collectAsList().stream()
                .map(r -> new Measurement(r.<Integer>getAs("layer"), r.<Double>getAs("rho_mean"),
                        orNaN(r.getAs("rho_stderr"))))
                .toList();
        int lastLayer = curve.isEmpty() ? 0 : (int) curve.get(curve.size() - 1).x();
        Optional<FitResult> decay = CriticalDecayFit.fit(curve, DECAY_FIRST_LAYER, Math.min(lastLayer, family.width() / 2));
        return new FamilyFits(family, range, root, nearest.getAs("sigma_w"), pointId, decay);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static Row fitRow(Family f, FitResult r, String pointId) {
        return RowFactory.create(f.arch(), f.activation(), f.sampler(), f.sigmaB(), f.width(), f.size(), r.quantity(),
                r.estimate(), Tables.finiteOrNull(r.stderr()), Tables.finiteOrNull(r.ciLow()), Tables.finiteOrNull(r.ciHigh()), r.method(),
                r.window(), Tables.finiteOrNull(r.quality()), r.nUsed(), pointId);
    }

}
