package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.spark.SharedSpark;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code critsweep sql} through the real command line over two small campaigns run by {@code critsweep run}: where the
 * query comes from, the campaign column, the glob, every output format checked against the Parquet files read
 * directly, and bad input (exit 2, Spark's message, nothing written).
 */
class SqlCommandTest {

    @TempDir
    static Path temp;

    static Path runs;
    static Path alpha;
    static Path beta;

    /** alpha: 2 sigma_w x 1 width, 3 replicas, depth 6; beta: 1 sigma_w x 2 widths, 2 replicas, depth 4. */
    @BeforeAll
    static void runTwoCampaigns() throws IOException {
        SharedSpark.session();
        runs = Files.createDirectories(temp.resolve("runs"));
        alpha = run("alpha", "sigma_w = [1.1, 1.7]\n width = [8]\n depth = 6\n replicas = 3");
        beta = run("beta", "sigma_w = [1.4]\n width = [8, 16]\n depth = 4\n replicas = 2");
        Files.createDirectories(runs.resolve("logs"));
    }

    private static Path run(String name, String grid) throws IOException {
        return SqlCommandTestCampaigns.run(temp, runs, name, grid);
    }

    static Outcome withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return cli(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** {@code sql --campaign alpha --campaign beta [args]}. */
    static Outcome sql(String... args) {
        List<String> all = new ArrayList<>(List.of("sql", "--campaign", alpha.toString(), "--campaign",
                beta.toString()));
        all.addAll(List.of(args));
        return cli(all.toArray(String[]::new));
    }

    static final String RAW_COUNTS = "SELECT campaign, COUNT(*) AS n FROM raw GROUP BY campaign ORDER BY campaign";
    /** Points x replicas x recorded layers (record = every: depth + 1): alpha 2 x 3 x 7, beta 2 x 2 x 5. */
    static final List<String> RAW_COUNTS_CSV = List.of("campaign,n", "alpha,42", "beta,20");

    @Test
    void theQueryComesFromTheArgumentAFileOrStandardInput() throws IOException {
        assertEquals(RAW_COUNTS_CSV, sql("--format", "csv", RAW_COUNTS).out().lines().toList());
        Path file = Files.writeString(temp.resolve("q.sql"), "-- per campaign\n" + RAW_COUNTS + ";\n");
        assertEquals(RAW_COUNTS_CSV, sql("--format", "csv", "-f", file.toString()).out().lines().toList());
        for (List<String> stdin : List.<List<String>>of(List.of(), List.of("-f", "-"))) {
            List<String> args = new ArrayList<>(List.of("sql", "--campaign", alpha.toString(), "--campaign",
                    beta.toString(), "--format", "csv"));
            args.addAll(stdin);
            Outcome o = withStdin(RAW_COUNTS, args.toArray(String[]::new));
            assertEquals(0, o.exitCode(), o.err());
            assertEquals(RAW_COUNTS_CSV, o.out().lines().toList());
        }
    }

    @Test
    void everyViewCarriesTheCampaignColumnWithEachCampaignsRows() {
        // Counts from the plans: raw as above; points 2 and 2; theory and curves one row per point and layer.
        String query = "SELECT 'points' AS view, campaign, COUNT(*) AS n FROM points GROUP BY campaign"
                + " UNION ALL SELECT 'theory', campaign, COUNT(*) FROM theory GROUP BY campaign"
                + " UNION ALL SELECT 'curves', campaign, COUNT(*) FROM curves GROUP BY campaign"
                + " ORDER BY view, campaign";
        Outcome o = sql("--format", "csv", query);
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(List.of("view,campaign,n", "curves,alpha,14", "curves,beta,10", "points,alpha,2", "points,beta,2",
                "theory,alpha,14", "theory,beta,10"), o.out().lines().toList());
        for (String view : List.of("points", "raw", "theory", "curves", "fits", "fit_curves")) {
            Outcome header = sql("--format", "csv", "SELECT * FROM " + view + " LIMIT 0");
            assertTrue(header.out().startsWith("campaign,"), view + ": " + header.out() + header.err());
        }
    }

    @Test
    void aGlobSelectsTheCampaignsItMatchesAndSkipsOtherDirectories() {
        Outcome o = cli("sql", "--campaign", runs + "/*", "--format", "csv", RAW_COUNTS);
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(RAW_COUNTS_CSV, o.out().lines().toList(), "runs/logs is not a campaign and is skipped");
        Outcome one = cli("sql", "--campaign", runs + "/al*", "--format", "csv", RAW_COUNTS);
        assertEquals(List.of("campaign,n", "alpha,42"), one.out().lines().toList());
        Outcome none = cli("sql", "--campaign", runs + "/gamma*", RAW_COUNTS);
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--campaign: no campaign directory matches " + runs + "/gamma*"), none.err());
    }

    static final String CURVES = "SELECT point_id, layer, rho_mean, lyapunov_mean FROM curves WHERE campaign = 'alpha'"
            + " ORDER BY point_id, layer";

    /** alpha's curves read straight from its Parquet files: the truth every format must reproduce. */
    static List<Row> alphaCurves() {
        SparkSession spark = SharedSpark.session();
        return spark.read().parquet(alpha.resolve("curves").toString())
                .selectExpr("point_id", "layer", "rho_mean", "lyapunov_mean").orderBy("point_id", "layer")
                .collectAsList();
    }

    @Test
    void csvAndJsonGiveBackTheNumbersOfTheParquetFiles() throws IOException {
        List<Row> truth = alphaCurves();
        assertEquals(14, truth.size());
        List<String> csv = sql("--format", "csv", CURVES).out().lines().toList();
        assertEquals("point_id,layer,rho_mean,lyapunov_mean", csv.get(0));
        List<String> json = sql("--format", "json", CURVES).out().lines().toList();
        assertEquals(truth.size(), json.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < truth.size(); i++) {
            Row row = truth.get(i);
            String[] cells = csv.get(i + 1).split(",", -1);
            JsonNode object = mapper.readTree(json.get(i));
            assertEquals(row.getString(0), cells[0]);
            assertEquals(row.getString(0), object.get("point_id").asText());
            assertEquals(row.getInt(1), Integer.parseInt(cells[1]));
            assertEquals(row.getInt(1), object.get("layer").asInt());
            assertEquals(row.getDouble(2), Double.parseDouble(cells[2]), 0.0, "bit for bit");
            assertEquals(row.getDouble(2), object.get("rho_mean").asDouble(), 0.0);
            if (row.isNullAt(3)) {
                assertEquals("", cells[3], "NULL is an empty CSV field");
                assertTrue(object.get("lyapunov_mean").isNull(), "NULL is a JSON null, not a missing key");
            } else {
                assertEquals(row.getDouble(3), Double.parseDouble(cells[3]), 0.0);
                assertEquals(row.getDouble(3), object.get("lyapunov_mean").asDouble(), 0.0);
            }
        }
        assertTrue(truth.stream().anyMatch(r -> r.isNullAt(3)), "layer 0 has no Lyapunov estimate: NULL is exercised");
    }

    @Test
    void tableAndParquetAndOutFiles() throws IOException {
        Outcome table = sql(CURVES);
        assertEquals(0, table.exitCode(), table.err());
        List<String> lines = table.out().lines().toList();
        assertEquals(1 + 14, lines.size());
        assertTrue(lines.get(0).matches("point_id +layer +rho_mean +lyapunov_mean"), lines.get(0));

        Path parquet = temp.resolve("curves.parquet");
        Outcome written = sql("--format", "parquet", "--out", parquet.toString(), CURVES);
        assertEquals(0, written.exitCode(), written.err());
        assertEquals("", written.out());
        List<Row> back = SharedSpark.session().read().parquet(parquet.toString()).orderBy("point_id", "layer")
                .collectAsList();
        assertEquals(alphaCurves(), back);

        Path csv = temp.resolve("curves.csv");
        Outcome toFile = sql("--format", "csv", "--out", csv.toString(), CURVES);
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(sql("--format", "csv", CURVES).out(), Files.readString(csv));
    }

    @Test
    void anExistingOutIsReplacedOnlyWithOverwriteAndOnlyIfItIsAFileOrAParquetResult() throws IOException {
        Path csv = Files.writeString(temp.resolve("kept.csv"), "precious");
        Outcome refused = sql("--format", "csv", "--out", csv.toString(), RAW_COUNTS);
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--out: " + csv + " exists; choose another path, or pass --overwrite"),
                refused.err());
        assertEquals("precious", Files.readString(csv));
        assertEquals(0, sql("--format", "csv", "--out", csv.toString(), "--overwrite", RAW_COUNTS).exitCode());
        assertEquals(RAW_COUNTS_CSV, Files.readAllLines(csv));

        Path parquet = temp.resolve("counts.parquet");
        assertEquals(0, sql("--format", "parquet", "--out", parquet.toString(), RAW_COUNTS).exitCode());
        assertEquals(0, sql("--format", "parquet", "--out", parquet.toString(), "--overwrite",
                "SELECT campaign FROM points").exitCode());
        assertEquals(4, SharedSpark.session().read().parquet(parquet.toString()).count());

        Path directory = Files.createDirectories(temp.resolve("thesis"));
        Files.writeString(directory.resolve("chapter1.tex"), "months of work");
        Outcome notOurs = sql("--format", "parquet", "--out", directory.toString(), "--overwrite", RAW_COUNTS);
        assertEquals(2, notOurs.exitCode());
        assertTrue(notOurs.err().contains("is a directory that --format parquet did not write"), notOurs.err());
        assertEquals("months of work", Files.readString(directory.resolve("chapter1.tex")));

        Path inside = alpha.resolve("curves");
        Outcome intoCampaign = sql("--format", "parquet", "--out", inside.toString(), "--overwrite", RAW_COUNTS);
        assertEquals(2, intoCampaign.exitCode());
        assertTrue(intoCampaign.err().contains("--out: " + inside + " is inside campaign " + alpha),
                intoCampaign.err());
        assertEquals(14, alphaCurves().size(), "the campaign's curves are untouched");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SELEC 1                                 | [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'",
        "SELECT * FROM nope                      | [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found",
        "SELECT nonsense FROM curves             | [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function"
                + " parameter with name `nonsense` cannot be resolved",
        "SELECT layer / (layer - layer) FROM raw | [DIVIDE_BY_ZERO] Division by zero"})
    void aBadQueryExitsWithTwoWithSparksMessageAndWritesNothing(String query, String message) throws IOException {
        Path directory = Files.createDirectories(temp.resolve("errors"));
        for (String format : List.of("csv", "parquet")) {
            Path out = directory.resolve("result." + format);
            Outcome o = sql("--engine", "spark", "--format", format, "--out", out.toString(), query);
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains("critsweep: QUERY: " + message), o.err());
            assertFalse(o.err().contains("'Project"), "no logical plan in the message: " + o.err());
            try (Stream<Path> left = Files.list(directory)) {
                assertEquals(List.of(), left.toList(), "nothing written, not even a partial file");
            }
        }
    }

    @Test
    void aDirectoryThatIsNotACampaignExitsWithTwoAndIsNamed() {
        Path logs = runs.resolve("logs");
        Outcome o = cli("sql", "--campaign", alpha.toString(), "--campaign", logs.toString(), RAW_COUNTS);
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--campaign: " + logs + " is not a critsweep campaign"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void misusedSourcesAndOutputsExitWithTwoBeforeAnyQueryRuns() {
        Outcome both = sql("-f", temp.resolve("q.sql").toString(), RAW_COUNTS);
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("QUERY: give the query as an argument or with -f, not both"), both.err());
        Outcome missing = sql("-f", temp.resolve("absent.sql").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("-f: query file not found: " + temp.resolve("absent.sql")), missing.err());
        Outcome empty = withStdin("  \n", "sql", "--campaign", alpha.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("QUERY: the query is empty"), empty.err());
        Outcome parquet = sql("--format", "parquet", RAW_COUNTS);
        assertEquals(2, parquet.exitCode());
        assertTrue(parquet.err().contains("--out: --format parquet writes a directory: give its path with --out"),
                parquet.err());
        Path nowhere = temp.resolve("no/such/dir");
        Outcome noParent = sql("--format", "csv", "--out", nowhere.resolve("x.csv").toString(), RAW_COUNTS);
        assertEquals(2, noParent.exitCode());
        assertTrue(noParent.err().contains("--out: directory " + nowhere + " does not exist"), noParent.err());
    }
}
