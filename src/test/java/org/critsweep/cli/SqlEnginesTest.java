package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.critsweep.grid.BadInputException;
import org.critsweep.spark.SharedSpark;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql} on both engines over two small campaigns: every example of README's and docs/TABLES.md's sql sections
 * gives the same rows on DuckDB as on Spark, a campaign without fits answers on points, DuckDB refuses what writes,
 * and the engine {@code auto} picks.
 */
class SqlEnginesTest {

    @TempDir
    static Path temp;

    static Path runs;

    @BeforeAll
    static void runTwoCampaigns() throws IOException {
        SharedSpark.session();
        runs = Files.createDirectories(temp.resolve("runs"));
        SqlCommandTestCampaigns.run(temp, runs, "quickstart", "sigma_w = [1.1, 1.7]\n width = [8]\n depth = 6\n"
                + " replicas = 3");
        SqlCommandTestCampaigns.run(temp, runs, "mlp-tanh-dense", "sigma_w = [1.4]\n width = [8, 16]\n depth = 4\n"
                + " replicas = 2");
        Files.writeString(temp.resolve("roots.sql"), "SELECT campaign, width, estimate FROM fits"
                + " WHERE quantity = 'sigma_w_c'");
    }

    /** The {@code bin/critsweep sql} lines of the first code block after {@code heading} in {@code doc}. */
    static List<String> examples(String doc, String heading) throws IOException {
        String text = Files.readString(Path.of(doc));
        String after = text.substring(text.indexOf(heading));
        int open = after.indexOf("```\n");
        String block = after.substring(open + 4, after.indexOf("```", open + 4)).replace("\\\n", " ");
        return block.lines().filter(l -> l.contains("bin/critsweep sql")).toList();
    }

    static Stream<String> documented() throws IOException {
        return Stream.concat(examples("README.md", "## Querying").stream(),
                examples("docs/TABLES.md", "### `critsweep sql`").stream());
    }

    private static final Pattern WORD = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

    /** An example's arguments, on the fixture's campaigns, its output as CSV to standard output; its stdin, if any. */
    static Outcome runExample(String line, String engine) {
        String stdin = null;
        String command = line;
        if (line.startsWith("echo ")) {
            Matcher echoed = WORD.matcher(line.substring(5));
            echoed.find();
            stdin = echoed.group(2);
            command = line.substring(line.indexOf('|') + 1);
        }
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(command.replaceAll(">\\s*\\S+$", ""));
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        List<String> args = new ArrayList<>(List.of("sql", "--engine", engine));
        for (int i = words.indexOf("sql") + 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--campaign" -> args.addAll(List.of(w, runs.resolve(words.get(++i).replace("runs/", ""))
                        .toString()));
                case "-f" -> args.addAll(List.of(w, temp.resolve(words.get(++i)).toString()));
                case "--format", "--out" -> i++;
                case "--overwrite" -> { }
                default -> args.add(w);
            }
        }
        args.addAll(List.of("--format", "csv"));
        return stdin == null ? cli(args.toArray(String[]::new))
                : SqlCommandTest.withStdin(stdin, args.toArray(String[]::new));
    }

    @Test
    void everyDocumentedExampleGivesTheSameRowsOnBothEngines() throws IOException {
        List<String> lines = documented().toList();
        assertTrue(lines.size() >= 8, "the examples were found: " + lines);
        for (String line : lines) {
            Outcome duck = runExample(line, "duckdb");
            Outcome spark = runExample(line, "spark");
            assertEquals(0, duck.exitCode(), line + ": " + duck.err());
            assertEquals(0, spark.exitCode(), line + ": " + spark.err());
            // Without ORDER BY the engines may order rows differently: compare the header, then the rows as a set.
            assertEquals(spark.out().lines().findFirst(), duck.out().lines().findFirst(), line);
            assertEquals(spark.out().lines().skip(1).sorted().toList(), duck.out().lines().skip(1).sorted().toList(),
                    line);
        }
    }

    @Test
    void aCampaignWithoutFitsAnswersAQueryThatDoesNotUseThem() throws IOException {
        Path sweeping = Files.createDirectories(temp.resolve("sweeping"));
        for (String kept : List.of("_campaign", "points", "raw", "theory")) {
            copy(runs.resolve("quickstart").resolve(kept), sweeping.resolve(kept));
        }
        for (String engine : List.of("duckdb", "spark")) {
            Outcome points = cli("sql", "--engine", engine, "--campaign", sweeping.toString(), "--format", "csv",
                    "SELECT count(*) AS n FROM points");
            assertEquals(0, points.exitCode(), engine + ": " + points.err());
            assertEquals(List.of("n", "2"), points.out().lines().toList(), engine);
            Outcome fits = cli("sql", "--engine", engine, "--campaign", sweeping.toString(), "SELECT * FROM fits");
            assertEquals(2, fits.exitCode(), engine + ": " + fits.err());
            assertTrue(fits.err().contains("QUERY:") && fits.err().contains("fits"), engine + ": " + fits.err());
        }
    }

    @Test
    void duckDbRefusesWhatWritesAndRunsNothing() throws IOException {
        Path target = temp.resolve("written");
        for (String statement : List.of("COPY points TO '" + target + "'", "COPY (SELECT 1) TO '" + target + "'",
                "EXPORT DATABASE '" + target + "'", "ATTACH '" + target + "' AS other", "CREATE TABLE t AS SELECT 1",
                "INSERT INTO points SELECT * FROM points", "DROP VIEW points", "SET threads = 1", "PRAGMA version",
                "INSTALL httpfs", "LOAD json", "CALL pragma_version()", "EXPLAIN ANALYZE COPY points TO '" + target
                        + "'")) {
            Outcome o = cli("sql", "--engine", "duckdb", "--campaign", runs.resolve("quickstart").toString(), statement);
            assertEquals(2, o.exitCode(), statement + ": " + o.err());
            assertEquals(List.of(SqlSafetyCatalogueTest.refused(statement).message()), o.err().lines()
                    .map(l -> l.replace("critsweep: ", "")).toList(), statement);
        }
        Outcome two = cli("sql", "--engine", "duckdb", "--campaign", runs.resolve("quickstart").toString(),
                "SELECT 1; SELECT 2");
        assertEquals(2, two.exitCode());
        assertTrue(two.err().contains("QUERY: give one statement; this text holds 2"), two.err());
        Outcome hidden = cli("sql", "--engine", "duckdb", "--campaign", runs.resolve("quickstart").toString(),
                "SELECT 1; COPY points TO '" + target + "'");
        assertEquals(2, hidden.exitCode(), "DuckDB's prepare would run the COPY before the SELECT");
        assertFalse(Files.exists(target), "nothing was written");
    }

    @Test
    void aTableRoundsDoublesAndStopsAtTheLimit() {
        Outcome o = cli("sql", "--campaign", runs.resolve("quickstart").toString(), "--limit", "3",
                "SELECT 1.4483300000000001::DOUBLE AS x, 2.5e-9::DOUBLE AS y, range AS i FROM range(5)");
        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(List.of("      x        y  i", "1.44833  2.5e-09  0", "1.44833  2.5e-09  1",
                "1.44833  2.5e-09  2"), lines.subList(0, 4));
        assertTrue(lines.get(4).startsWith("… more rows than the 3 shown"), lines.get(4));
        Outcome csv = cli("sql", "--campaign", runs.resolve("quickstart").toString(), "--format", "csv",
                "SELECT 1.4483300000000001::DOUBLE AS x FROM range(70)");
        assertEquals("1.4483300000000001", csv.out().lines().skip(1).findFirst().orElseThrow(), "csv keeps every digit");
        assertEquals(71, csv.out().lines().count(), "csv has no default limit");
        Outcome tooMany = cli("sql", "--campaign", runs.resolve("quickstart").toString(), "--limit", "100001",
                "SELECT 1");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().contains("--limit: expected an integer in [1, 100000], got 100001"), tooMany.err());
    }

    @Test
    void autoTakesDuckDbForLocalDirectoriesAndSparkForHadoopUrisOrAClusterMaster() {
        assertEquals(SqlEngine.duckdb, SqlEngine.auto.resolve(List.of("runs/a", "file:///runs/b"), "local[*]"));
        assertEquals(SqlEngine.spark, SqlEngine.auto.resolve(List.of("runs/a", "hdfs://nn/runs/b"), "local[*]"));
        assertEquals(SqlEngine.spark, SqlEngine.auto.resolve(List.of("s3a://bucket/runs/a"), "local[2]"));
        assertEquals(SqlEngine.spark, SqlEngine.auto.resolve(List.of("runs/a"), "spark://host:7077"));
        assertEquals(SqlEngine.spark, SqlEngine.spark.resolve(List.of("runs/a"), "local[*]"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> SqlEngine.duckdb.resolve(List.of("hdfs://nn/runs/b"), "local[*]"));
        assertTrue(e.getMessage().startsWith("--engine: duckdb runs in this process on local directories;"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
