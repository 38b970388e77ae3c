package org.critsweep.spark;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.FamilyMember;
import org.critsweep.report.CampaignResults;
import org.critsweep.report.LayerRow;
import org.critsweep.report.Manifest;
import org.critsweep.report.PointResult;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * Reads what the report shows from a campaign's tables by Spark SQL: every grid point with its λ_N, the fits and
 * their curves, then the layer-by-layer curves of only the points the report draws — a few per family, so the
 * report stays small whatever the size of {@code curves}.
 */
final class ReportReader {

    /** The tables the report reads. */
    private static final List<String> TABLES = List.of(TableNames.POINTS, TableNames.CURVES, TableNames.FITS,
            TableNames.FIT_CURVES);
    private static final String POINTS = """
            SELECT p.point_id, p.arch, p.activation, p.sampler, p.sigma_b, p.width, p.size, p.sigma_w,
                   p.protocol, p.phase, c.lyapunov_mean, c.lyapunov_stderr
            FROM points p LEFT JOIN curves c ON c.point_id = p.point_id AND c.layer = p.depth
            ORDER BY p.point_id""";

    private ReportReader() {
    }

    /** The caller has checked the campaign with {@link ReportStage#requireInputs}. */
    static CampaignResults read(SparkSession spark, CampaignStore store) {
        Manifest manifest = manifest(store.requireManifest());
        CampaignTables.registerViews(spark, store, TABLES);
        List<PointResult> points = spark.sql(POINTS).collectAsList().stream().map(ReportReader::point).toList();
        CampaignResults results = new CampaignResults(manifest, points,
                store.hasTable(TableNames.FITS) ? FitRows.fits(spark) : List.of(),
                store.hasTable(TableNames.FIT_CURVES) ? FitRows.curves(spark) : List.of(), List.of());
        return results.withLayers(layers(spark, results.plottedPoints()));
    }

    private static PointResult point(Row r) {
        String protocol = r.getAs("protocol");
        FamilyMember member = FamilyColumns.member(r);
        return new PointResult(r.getAs("point_id"), member.family(), member.size(), r.<Double>getAs("sigma_w"),
                "spreading".equals(protocol), r.getAs("phase"),
                FitRows.number(r, "lyapunov_mean"), FitRows.number(r, "lyapunov_stderr"));
    }

    /** The layer rows, with the spreading observables of every threshold the curves table has a column for. */
    private static List<LayerRow> layers(SparkSession spark, Set<String> pointIds) {
        if (pointIds.isEmpty()) {
            return List.of();
        }
        List<String> columns = List.of(spark.table(TableNames.CURVES).columns());
        int thresholds = 0;
        while (columns.contains("survival_" + (thresholds + 1))) {
            thresholds++;
        }
        int count = thresholds;
        return spark.table(TableNames.CURVES).where(col("point_id").isin(pointIds.toArray())).collectAsList().stream()
                .map(r -> new LayerRow(r.getAs("point_id"), r.<Integer>getAs("layer"), FitRows.number(r, "rho_mean"),
                        FitRows.number(r, "rho_stderr"), FitRows.number(r, "ln_rho_mean"), FitRows.number(r, "mf_rho"),
                        IntStream.rangeClosed(1, count).mapToObj(k -> new LayerRow.Spreading(FitRows.number(r, "survival_" + k),
                                FitRows.number(r, "active_sites_mean_" + k), FitRows.number(r, "spread_r2_mean_" + k)))
                        .toList()))
                .toList();
    }

    /** The manifest's scalar entries (sorted by key), its stage timings in pipeline order, and its configuration. */
    private static Manifest manifest(Config manifest) {
        Map<String, String> facts = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : manifest.root().entrySet()) {
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                facts.put(entry.getKey(), String.valueOf(entry.getValue().unwrapped()));
            }
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        if (manifest.hasPath("stage_seconds")) {
            Config seconds = manifest.getConfig("stage_seconds");
            CampaignRun.STAGES.stream().filter(seconds::hasPath).forEach(s -> stages.put(s, seconds.getDouble(s)));
        }
        return new Manifest(manifest.getString("name"), facts, stages,
                manifest.getConfig("config").root().render(ConfigRenderOptions.concise().setFormatted(true)));
    }
}
