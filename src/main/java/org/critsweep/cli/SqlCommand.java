package org.critsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.critsweep.grid.BadInputException;
import org.critsweep.spark.CampaignViews;
import org.critsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sql}: one Spark SQL query over the tables of one or more campaigns, registered as views of the tables' names
 * with a {@code campaign} column ({@link CampaignViews}); the result as a text table, CSV, JSON lines or Parquet. The
 * statement must only read ({@link ReadOnlyQuery}).
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Query the tables of one or more campaigns"
        + " (views points, raw, theory, curves, fits, fit_curves, each with a campaign column) with Spark SQL.")
final class SqlCommand implements Callable<Integer> {

    /**
     * The SQLSTATE classes of Spark's errors in the query itself: 42 (syntax, unknown table or column), 22 (data,
     * e.g. a division by zero or a bad cast under ANSI SQL) and 0A (an unsupported feature).
     */
    private static final Set<String> QUERY_ERRORS = Set.of("42", "22", "0A");

    @Option(names = "--campaign", paramLabel = "DIR|GLOB", required = true,
            description = "A campaign output directory, or a glob of them such as 'runs/*' (repeatable).")
    List<String> campaigns;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "A Spark SQL query; without it (and without -f) the query is read from standard input.")
    String query;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from FILE ('-': stdin).")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; parquet needs --out).")
    QueryOutput.Format format;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Write the result to PATH (a file; a directory for parquet) instead of standard output.")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out file or earlier parquet result.")
    boolean overwrite;

    @Mixin
    SparkMaster master;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        master.check();
        QueryOutput output = new QueryOutput(format, out, overwrite);
        if (QueryText.fromStdin(query, file) && System.console() != null) {
            spec.commandLine().getErr().println("critsweep: reading the query from standard input (end with Ctrl-D)");
        }
        String text = QueryText.read(query, file, System.in);
        List<Path> directories = CampaignDirectories.expand(campaigns);
        CampaignViews.labels(directories); // a directory that is not a campaign fails before Spark starts
        SparkSession spark = master.session(SparkSessions.APP_NAME + " sql");
        try {
            ReadOnlyQuery.require(spark, text);
            CampaignViews.register(spark, directories);
            output.write(spark.sql(text), spec.commandLine().getOut());
        } catch (Exception e) {
            throw asBadInput(e);
        }
        return 0;
    }

    /** Spark's error in the query itself ({@link #QUERY_ERRORS}) as bad input with its message; others unchanged. */
    private static Exception asBadInput(Exception e) {
        if (!(e instanceof SparkThrowable error) || error.isInternalError() || error.getSqlState() == null
                || !QUERY_ERRORS.contains(error.getSqlState().substring(0, 2))) {
            return e;
        }
        // An analysis error's full message appends the query plan; a parse error's shows where in the query it is.
        return new BadInputException("QUERY", e instanceof AnalysisException analysis && !(e instanceof ParseException)
                ? analysis.getSimpleMessage() : e.getMessage().strip());
    }
}
