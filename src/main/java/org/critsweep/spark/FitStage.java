package org.critsweep.spark;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.critsweep.fit.ExactGrowth;
import org.critsweep.fit.FamilyAnalysis;
import org.critsweep.fit.LogVarianceAnalysis;
import org.critsweep.fit.SpreadingAnalysis;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.critsweep.theory.ExactFiniteWidth;

/**
 * The fit stage (PHYSICS.md §6–7): for every scaling family in the campaign's views ({@code raw}, {@code points},
 * {@code curves}), the {@link FamilyAnalysis} of its pair runs (for an MLP also the {@link LogVarianceAnalysis} of
 * Var ln G, §5) and the {@link SpreadingAnalysis} of its spreading runs; written as the {@code fits} and {@code fit_curves} tables and registered as views. It depends only on what
 * the earlier stages wrote, so {@code critsweep fit DIR} can redo it.
 */
public final class FitStage {

    /** The tables the fit reads: {@code fit DIR} refuses a campaign with damage in them ({@link CampaignDamage}). */
    public static final List<String> INPUTS = List.of(TableNames.RAW, TableNames.POINTS, TableNames.CURVES);

    private FitStage() {
    }

    /** @return the number of families analysed */
    public static int run(SparkSession spark, CampaignStore store, Campaign campaign) {
        FamilyAnalysis analysis = new FamilyAnalysis(campaign.analysis(), campaign.seed());
        FitTables tables = new FitTables(campaign.grid().q0(), campaign.grid().c0());
        Map<ScalingFamily, FitInputs> families = FitInputs.byFamily(spark);
        Map<ScalingFamily, FamilyAnalysis.Report> reports = new LinkedHashMap<>();
        families.forEach((family, inputs) -> reports.put(family, analysis.analyse(inputs)));
        reports.forEach(tables::add);
        LogVarianceAnalysis logVariance = new LogVarianceAnalysis(campaign.analysis(), campaign.seed());
        families.forEach((family, inputs) -> {
            if (family.mlp()) {
                tables.logVariance(family, logVariance.analyse(inputs,
                        LogVarianceAnalysis.roots(reports.get(family)), exactGrowth(family)));
            }
        });
        ChannelScans.add(tables, reports);
        XiCorrections.add(spark, tables, families);
        SpreadingAnalysis spreading = new SpreadingAnalysis(campaign.analysis(), campaign.seed());
        List<Double> thresholds = campaign.grid().conv() == null ? List.of()
                : campaign.grid().conv().activeThresholds();
        Map<ScalingFamily, SpreadingInputs> spreadingFamilies = SpreadingInputs.byFamily(spark, thresholds);
        spreadingFamilies.forEach((family, inputs) -> tables.add(family, spreading.analyse(inputs)));
        write(spark, store, TableNames.FITS, tables.fits(), Tables.FITS_SCHEMA);
        write(spark, store, TableNames.FIT_CURVES, tables.curves(), Tables.FIT_CURVES_SCHEMA);
        Set<ScalingFamily> analysed = new HashSet<>(families.keySet());
        analysed.addAll(spreadingFamilies.keySet());
        return analysed.size();
    }

    /**
     * The exact growth of Var ln G where the family is solvable (PHYSICS.md §5); q0 only shifts E ln G, so the law's
     * variances are those of q0 = 1.
     */
    private static BiFunction<Integer, Double, Optional<ExactGrowth>> exactGrowth(ScalingFamily family) {
        return (width, sigmaW) -> ExactFiniteWidth.of(family.activation(), sigmaW, family.sigmaB(), 1.0, width)
                .map(law -> new ExactGrowth(law.lnG0Variance(), law.lnGVarianceSlope(), law.lnGVarianceSlopeLimit()));
    }

    private static void write(SparkSession spark, CampaignStore store, String table, List<Row> rows,
                              StructType schema) {
        store.replaceTable(table, location -> spark.createDataFrame(rows, schema).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(location));
        LiteralPaths.reader(spark).parquet(store.table(table)).createOrReplaceTempView(table);
    }
}
