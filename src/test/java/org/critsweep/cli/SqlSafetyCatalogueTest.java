package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.critsweep.spark.SharedSpark;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of {@code sql} statements and outputs that would write into a campaign (docs/ERRORS.md, "sql is
 * read-only"): each exits with 2, prints nothing on stdout and exactly one line on stderr naming QUERY or
 * {@code --out}, and leaves the campaign byte-identical (every file's content, size and modification time). In
 * statements {@code <c>} is the campaign's directory. The statements are Spark SQL's, run with {@code --engine spark};
 * {@code SqlEnginesTest} has DuckDB's.
 */
class SqlSafetyCatalogueTest {

    @TempDir
    static Path temp;

    static Path campaign;

    record Case(String statement, String message) {
        @Override
        public String toString() {
            return statement;
        }
    }

    @BeforeAll
    static void runACampaign() throws IOException {
        SharedSpark.session();
        campaign = temp.resolve("c");
        Path conf = Files.writeString(temp.resolve("c.conf"), "campaign { name = c, seed = 13, output = \"" + campaign
                + "\" }\ngrid {\n activation = tanh\n sigma_b = 0.3\n sigma_w = [1.2, 1.6]\n width = [8]\n depth = 4\n"
                + " replicas = 2\n}\nanalysis { bootstrap = 0, collapse = [] }\n");
        Outcome run = cli("run", conf.toString(), "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.err());
    }

    static Case refused(String statement) {
        String word = statement.strip().split("[^A-Za-z]", 2)[0].toUpperCase(java.util.Locale.ROOT);
        return new Case(statement, "QUERY: sql is read-only; a statement that writes or changes the session (here "
                + word + ") is refused: give a query (SELECT, WITH, VALUES, FROM, TABLE), SHOW, DESCRIBE, or EXPLAIN"
                + " of a query");
    }

    static Stream<Case> statements() {
        return Stream.of(
                refused("INSERT OVERWRITE DIRECTORY '<c>/curves' USING parquet SELECT 1 AS x"),
                refused("INSERT OVERWRITE DIRECTORY '<c>' USING parquet SELECT 1 AS x"),
                refused("INSERT OVERWRITE LOCAL DIRECTORY '<c>/points' STORED AS parquet SELECT 1 AS x"),
                refused("insert into curves select * from curves"),
                refused("INSERT OVERWRITE TABLE points SELECT * FROM points"),
                refused("WITH one AS (SELECT 1 AS x) INSERT OVERWRITE DIRECTORY '<c>/curves' USING parquet"
                        + " SELECT * FROM one"),
                refused("FROM points INSERT OVERWRITE DIRECTORY '<c>/points' USING parquet SELECT *"),
                refused("CREATE TABLE t USING parquet LOCATION '<c>/curves' AS SELECT 1 AS x"),
                refused("CREATE TABLE t USING parquet AS SELECT 1 AS x"),
                refused("CREATE OR REPLACE TABLE t USING parquet AS SELECT 1 AS x"),
                refused("CREATE TABLE t (x INT) USING parquet LOCATION '<c>/theory'"),
                refused("CREATE VIEW v AS SELECT 1 AS x"),
                refused("CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '<c>/curves')"),
                refused("DROP TABLE curves"),
                refused("DROP VIEW curves"),
                refused("ALTER VIEW curves AS SELECT 1 AS x"),
                refused("ALTER TABLE curves SET LOCATION '<c>/raw'"),
                refused("TRUNCATE TABLE curves"),
                refused("LOAD DATA LOCAL INPATH '<c>/points' OVERWRITE INTO TABLE curves"),
                refused("MSCK REPAIR TABLE raw"),
                refused("REFRESH TABLE curves"),
                refused("REFRESH '<c>/curves'"),
                refused("CACHE TABLE curves"),
                refused("CACHE TABLE hot AS SELECT * FROM curves"),
                refused("UNCACHE TABLE curves"),
                refused("CLEAR CACHE"),
                refused("SET spark.hadoop.fs.defaultFS=file:///"),
                refused("SET spark.sql.warehouse.dir=<c>"),
                refused("RESET"),
                refused("ADD JAR <c>/x.jar"),
                refused("ADD FILE <c>/points"),
                refused("USE default"),
                refused("DECLARE VARIABLE v INT DEFAULT 1"),
                refused("EXECUTE IMMEDIATE 'DROP VIEW curves'"),
                refused("EXPLAIN INSERT OVERWRITE DIRECTORY '<c>/curves' USING parquet SELECT 1 AS x"),
                refused("DELETE FROM curves WHERE layer = 0"),
                refused("UPDATE curves SET layer = 0"),
                refused("CREATE FUNCTION f AS 'java.lang.String'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void aStatementThatWritesIsRefusedBeforeItRuns(Case c) throws IOException {
        refusedAndNothingWritten(c.message(), c.statement().replace("<c>", campaign.toString()));
    }

    @Test
    void outputThroughASymbolicLinkIntoTheCampaignIsRefused() throws IOException {
        Path toCurves = Files.createSymbolicLink(temp.resolve("to-curves"), campaign.resolve("curves"));
        Path toCampaign = Files.createSymbolicLink(temp.resolve("to-campaign"), campaign);
        Path intoTable = toCurves.resolve("result.csv");
        refusedAndNothingWritten("--out: " + intoTable + " is inside campaign " + campaign.toRealPath() + "; sql never"
                + " writes into a campaign's directory", "--format", "csv", "--out", intoTable.toString(),
                "SELECT 1 AS x");
        refusedAndNothingWritten("--out: " + toCurves + " is inside campaign " + campaign.toRealPath() + "; sql never"
                + " writes into a campaign's directory", "--format", "parquet", "--out", toCurves.toString(),
                "--overwrite", "SELECT 1 AS x");
        Path besideTables = toCampaign.resolve("result");
        refusedAndNothingWritten("--out: " + besideTables + " is inside campaign " + campaign.toRealPath() + "; sql"
                + " never writes into a campaign's directory", "--format", "parquet", "--out",
                besideTables.toString(), "SELECT 1 AS x");
    }

    @Test
    void readingStatementsRun() {
        for (String read : List.of("SELECT COUNT(*) FROM curves", "WITH c AS (SELECT * FROM points) SELECT * FROM c",
                "VALUES (1)", "TABLE points", "FROM points SELECT sigma_w", "SHOW TABLES", "SHOW COLUMNS IN curves",
                "DESCRIBE curves", "DESCRIBE QUERY SELECT * FROM curves",
                "EXPLAIN SELECT * FROM curves WHERE point_id IN (SELECT point_id FROM points)")) {
            Outcome o = cli("sql", "--engine", "spark", "--campaign", campaign.toString(), read);
            assertEquals(0, o.exitCode(), read + ": " + o.err());
        }
    }

    @Test
    void everyMessageIsDocumentedVerbatim() throws IOException {
        String errors = Files.readString(Path.of("docs/ERRORS.md"));
        assertTrue(errors.contains(refused("INSERT").message().replace("INSERT", "<first word>")),
                "docs/ERRORS.md, section \"sql is read-only\"");
        assertTrue(errors.contains("is inside campaign <campaign>; sql never writes into a campaign's directory"));
    }

    private static void refusedAndNothingWritten(String message, String... args) throws IOException {
        Map<String, String> before = tree(campaign);
        List<String> all = new ArrayList<>(List.of("sql", "--engine", "spark", "--campaign", campaign.toString()));
        all.addAll(List.of(args));
        Outcome o = cli(all.toArray(String[]::new));
        String what = String.join(" ", all);
        assertEquals(2, o.exitCode(), what + ": " + o.err());
        assertEquals("", o.out(), what + ": nothing on stdout");
        assertEquals(List.of("critsweep: " + message), o.err().lines().toList(), what);
        assertEquals(before, tree(campaign), what + ": the campaign is unchanged");
    }

    /** Every file and directory under {@code root} with its size, content hash (files) and modification time. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                entries.put(root.relativize(p).toString(), (Files.isDirectory(p) ? "dir" : Files.size(p) + " bytes "
                        + sha256(Files.readAllBytes(p))) + " modified " + Files.getLastModifiedTime(p).toInstant());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
