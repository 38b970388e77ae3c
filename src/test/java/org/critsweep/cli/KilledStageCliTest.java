package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.critsweep.spark.SharedSpark;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a run killed in each stage after the sweep leaves, made by hand on copies of one finished campaign: {@code status}
 * reports it, and the next {@code run} resumes and ends with the tables of the uninterrupted run, bit for bit.
 */
class KilledStageCliTest {

    private static final String CAMPAIGN = """
            campaign { name = killed, seed = 7883 }
            grid { activation = tanh, sigma_b = 0.3, sigma_w = [1.1, 1.7], width = [8, 12], depth = 20, replicas = 5 }
            analysis { bootstrap = 0, collapse = [] }
            """;

    /** The derived tables, which a run rewrites whole. */
    private static final List<String> DERIVED = List.of(TableNames.POINTS, TableNames.THEORY, TableNames.CURVES,
            TableNames.FITS, TableNames.FIT_CURVES);

    @TempDir
    static Path temp;
    private static Path reference;
    private static Map<String, List<String>> referenceRows;

    /** Leaves in a campaign directory what a kill leaves, and returns the line {@code status} must print. */
    interface Kill {
        String apply(Path campaign) throws IOException;
    }

    @BeforeAll
    static void runOnce() throws IOException {
        reference = temp.resolve("reference");
        assertEquals(0, cli("run", conf(reference), "--master", "local[2]").exitCode());
        referenceRows = rows(reference);
    }

    static Stream<Arguments> kills() {
        return Stream.of(
                Arguments.of("aggregate: curves holds only _temporary", (Kill) c -> {
                    emptied(c.resolve(TableNames.CURVES));
                    Files.createDirectories(c.resolve("curves/_temporary/0/_temporary"));
                    return "  table curves: curves is incomplete (no _SUCCESS: its last write did not finish): rebuilt"
                            + " by run\n";
                }),
                Arguments.of("fit: fits is empty", (Kill) c -> {
                    emptied(c.resolve(TableNames.FITS));
                    return "  table fits: fits is incomplete (no _SUCCESS: its last write did not finish): rebuilt by"
                            + " run\n";
                }),
                Arguments.of("theory: a half-written temporary table", (Kill) c -> {
                    Path half = c.resolve("theory.tmp-5f1d");
                    Files.createDirectories(half.resolve("_temporary/0"));
                    try (Stream<Path> parts = Files.list(c.resolve(TableNames.THEORY))) {
                        Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
                                .orElseThrow();
                        Files.write(half.resolve(part.getFileName()), Arrays.copyOf(Files.readAllBytes(part), 8));
                    }
                    return "  table theory.tmp-5f1d: theory.tmp-5f1d is theory half written by a killed run: removed"
                            + " by run\n";
                }),
                Arguments.of("any stage: curves deleted by hand from a complete campaign", (Kill) c -> {
                    delete(c.resolve(TableNames.CURVES));
                    return "  table curves: curves is missing, though the manifest records a complete run: rebuilt by"
                            + " run\n";
                }),
                Arguments.of("report: no report", (Kill) c -> {
                    Files.delete(c.resolve(CampaignStore.REPORT));
                    return "status: interrupted (its tables are complete but report/index.html is missing: the run died"
                            + " writing it; rerun the campaign to write it)\n";
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kills")
    void statusReportsWhatAKillLeftAndRunResumesToTheSameTables(String stage, Kill kill) throws IOException {
        Path campaign = temp.resolve("c" + Math.abs(stage.hashCode()));
        copy(reference, campaign);
        String expected = kill.apply(campaign);

        Outcome status = cli("status", campaign.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains(expected), status.out());

        Outcome rerun = cli("run", conf(campaign), "--master", "local[2]");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertEquals(referenceRows, rows(campaign));
        assertTrue(Files.isRegularFile(campaign.resolve(CampaignStore.REPORT)));
        try (Stream<Path> entries = Files.list(campaign)) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporaries removed");
        }
        Outcome after = cli("status", campaign.toString());
        assertTrue(after.out().contains("status: complete\n") && after.out().contains("\ndamage: none\n"), after.out());
    }

    /**
     * A run that dies after writing its manifest (here: {@code report} is a file, so the report cannot be written)
     * leaves the manifest {@code failed} with the reason it printed, not {@code running} or {@code complete}; once the
     * cause is gone, the next run completes.
     */
    @Test
    void aRunThatFailsMarksItsManifestFailedWithTheReasonAndStatusSaysSo() throws IOException {
        Path campaign = temp.resolve("failed");
        copy(reference, campaign);
        delete(campaign.resolve("report"));
        Files.writeString(campaign.resolve("report"), "a file where the report's directory goes");

        Outcome failed = cli("run", conf(campaign), "--master", "local[2]");
        assertEquals(1, failed.exitCode(), failed.err());
        String reason = failed.err().lines().filter(l -> l.startsWith("critsweep: ")).findFirst().orElseThrow()
                .replaceFirst("^critsweep: (failed: )?", "");
        Outcome status = cli("status", campaign.toString());
        assertTrue(status.out().contains("\nstatus: failed (" + reason + "); fix the cause and rerun the campaign to"
                + " resume\n"), reason + "\n" + status.out());

        Files.delete(campaign.resolve("report"));
        assertEquals(0, cli("run", conf(campaign), "--master", "local[2]").exitCode());
        assertTrue(cli("status", campaign.toString()).out().contains("\nstatus: complete\n"));
    }

    private static String conf(Path output) throws IOException {
        Path file = output.resolveSibling(output.getFileName() + ".conf");
        Files.writeString(file, CAMPAIGN + "campaign.output = \"" + output + "\"\n");
        return file.toString();
    }

    /** Every derived table's rows as text, doubles as their bits, sorted. */
    private static Map<String, List<String>> rows(Path campaign) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : DERIVED) {
            List<String> rows = new ArrayList<>();
            for (Row r : SharedSpark.session().read().parquet(campaign.resolve(table).toString()).collectAsList()) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    s.append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : v).append('|');
                }
                rows.add(s.toString());
            }
            rows.sort(Comparator.naturalOrder());
            tables.put(table, rows);
        }
        return tables;
    }

    private static void emptied(Path directory) throws IOException {
        delete(directory);
        Files.createDirectories(directory);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
