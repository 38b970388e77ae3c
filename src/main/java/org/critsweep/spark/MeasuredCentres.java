package org.critsweep.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CriticalCentres;
import org.critsweep.grid.FamilyMember;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/** The λ_N roots an earlier run of a campaign measured, as the centres of an around-critical σ_w grid. */
public final class MeasuredCentres {

    private static final String ROOTS = """
            SELECT arch, activation, sampler, sigma_b, width, size, estimate FROM fits
            WHERE quantity = 'sigma_w_c' AND width IS NOT NULL""";

    private MeasuredCentres() {
    }

    /** The measured roots per family; mean-field centres only when the campaign has no {@code fits} yet. */
    public static CriticalCentres of(SparkSession spark, CampaignStore store) {
        if (!store.hasTable(TableNames.FITS)) {
            return CriticalCentres.meanFieldOnly();
        }
        LiteralPaths.reader(spark).parquet(store.table(TableNames.FITS)).createOrReplaceTempView(TableNames.FITS);
        Map<FamilyMember, Double> roots = new HashMap<>();
        for (Row r : spark.sql(ROOTS).collectAsList()) {
            roots.put(FamilyColumns.member(r), r.getAs("estimate"));
        }
        return new CriticalCentres(roots);
    }
}
