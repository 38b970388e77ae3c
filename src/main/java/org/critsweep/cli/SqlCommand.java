package org.critsweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignException;
import org.critsweep.spark.CampaignStore;
import org.critsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sql --campaign DIR QUERY}: Spark SQL over a campaign's tables, registered as views of the same names. */
@Command(name = "sql", description = "Query a campaign's tables (views points, raw, theory, curves, fits) with Spark SQL.")
final class SqlCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Option(names = "--campaign", paramLabel = "DIR", required = true, description = "A campaign output directory.")
    Path campaign;

    @Parameters(index = "0", paramLabel = "QUERY", description = "A Spark SQL query.")
    String query;

    @Option(names = "--format", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master.")
    String master;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CampaignStore store = new CampaignStore(campaign);
        if (store.presentTables().isEmpty()) {
            throw new CampaignException("--campaign", "no critsweep tables under " + store.root()
                    + "; expected a campaign output directory (with points/, raw/, curves/, fits/)");
        }
        SparkSession spark = SparkSessions.getOrCreate(master);
        store.registerViews(spark);
        Dataset<Row> result = spark.sql(query);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case table -> out.print(ResultFormats.table(result));
            case csv -> out.print(ResultFormats.csv(result));
            case json -> result.toJSON().collectAsList().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
