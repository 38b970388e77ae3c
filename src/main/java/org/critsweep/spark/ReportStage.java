package org.critsweep.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.critsweep.report.ReportPage;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/** The report stage: {@code report/index.html} under the campaign, from its tables ({@code critsweep report DIR}). */
public final class ReportStage {

    /** Where the report goes, relative to the campaign's directory. */
    public static final String FILE = CampaignStore.REPORT;

    private ReportStage() {
    }

    /**
     * Checks, without Spark, that the directory holds what the report reads: a manifest, points and curves.
     *
     * @throws org.critsweep.grid.BadInputException naming DIR otherwise
     */
    public static void requireInputs(CampaignStore store) {
        store.requireManifest();
        store.requireTables(TableNames.POINTS, TableNames.CURVES);
    }

    /**
     * Reads the campaign's tables and writes the report, replacing an earlier one atomically, after its figure files
     * ({@code report/figures/}), so that the page never links a figure not yet written; the figures of an earlier
     * report that this one does not have are then deleted.
     *
     * @return the report's path
     * @throws org.critsweep.grid.BadInputException naming DIR when the directory holds no campaign with curves yet
     */
    public static Path run(SparkSession spark, CampaignStore store) {
        requireInputs(store);
        ReportPage.Report report = ReportPage.build(ReportReader.read(spark, store),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String folder = FILE.substring(0, FILE.lastIndexOf('/') + 1);
        report.figures().forEach((name, content) -> store.write(folder + name, content));
        store.write(FILE, report.html());
        store.deleteAllBut(folder + ReportPage.FIGURES, report.figures().keySet().stream()
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).collect(Collectors.toSet()));
        return store.root().resolve(FILE);
    }
}
