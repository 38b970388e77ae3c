package org.critsweep.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.CampaignLabels;
import org.critsweep.query.DuckDbEngine;
import org.critsweep.query.QueryEngine;
import org.critsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sql}: SQL over the tables of one or more campaigns, registered as views of the tables' names with a
 * {@code campaign} column, on DuckDB or Spark ({@link SqlEngine}); one query's result as a text table, CSV, JSON lines
 * or Parquet, or, on a terminal with no query, an interactive shell ({@link QueryShell}). The statement must only
 * read ({@link ReadOnlyQuery}, and on DuckDB {@code org.critsweep.query.DuckDbReadOnly}).
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Query the tables of one or more campaigns"
        + " (views points, raw, theory, curves, fits, fit_curves, each with a campaign column) with SQL, on DuckDB"
        + " or Spark; with no query on a terminal, an interactive shell.")
final class SqlCommand implements Callable<Integer> {

    /** Where the interactive shell appends its statements. */
    static final String HISTORY = ".critsweep_history";

    @Option(names = "--campaign", paramLabel = "DIR|GLOB", required = true,
            description = "A campaign output directory, or a glob of them such as 'runs/*' (repeatable).")
    List<String> campaigns;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "A SQL query; without it (and"
            + " without -f) an interactive shell on a terminal, else the query is read from standard input.")
    String query;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from FILE ('-': stdin).")
    String file;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: duckdb for local directories, spark"
                    + " for Hadoop URIs or a cluster --master).")
    SqlEngine engine;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; parquet needs --out).")
    QueryOutput.Format format;

    @Option(names = "--limit", paramLabel = "N", description = "The most rows to print (default: a table shows "
            + QueryOutput.TERMINAL_ROWS + " on a terminal, else up to " + ResultFormats.TABLE_ROWS
            + "; csv and json every row).")
    Integer limit;

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
        SqlEngine chosen = engine.resolve(campaigns, master.url);
        if (chosen == SqlEngine.spark) {
            master.check();
        }
        boolean terminal = System.console() != null;
        QueryOutput output = new QueryOutput(format, out, overwrite, limit, terminal);
        boolean shell = terminal && QueryText.fromStdin(query, file) && file == null;
        if (shell && out != null) {
            throw new BadInputException("--out", "needs a query (an argument, -f FILE or standard input)");
        }
        String text = shell ? null : QueryText.read(query, file, System.in);
        List<Path> directories = CampaignDirectories.expand(campaigns);
        var labelled = CampaignLabels.of(directories); // a directory that is not a campaign fails before any engine
        try (QueryEngine queries = chosen == SqlEngine.duckdb ? new DuckDbEngine(labelled)
                : new SparkEngine(master.session(SparkSessions.APP_NAME + " sql"), directories)) {
            if (shell) {
                new QueryShell(queries, output, Path.of(System.getProperty("user.home"), HISTORY)).run(
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        spec.commandLine().getOut(), spec.commandLine().getErr());
                return 0;
            }
            try {
                output.write(queries, text, spec.commandLine().getOut());
            } catch (Exception e) {
                throw queries.asBadInput(e);
            }
        }
        return 0;
    }
}
