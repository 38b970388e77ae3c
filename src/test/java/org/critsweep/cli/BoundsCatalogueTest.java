package org.critsweep.cli;

import static org.critsweep.cli.CampaignInputCatalogueTest.MLP;
import static org.critsweep.cli.CampaignInputCatalogueTest.cnn;
import static org.critsweep.cli.CampaignInputCatalogueTest.cnnSets;
import static org.critsweep.cli.CampaignInputCatalogueTest.command;
import static org.critsweep.cli.CampaignInputCatalogueTest.file;
import static org.critsweep.cli.CampaignInputCatalogueTest.set;
import static org.critsweep.cli.CampaignInputCatalogueTest.sets;
import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.critsweep.cli.CampaignInputCatalogueTest.Case;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of counts beyond what one machine can hold and of costs that overflowed (docs/ERRORS.md, "Bounds and
 * costs"): each case is refused as {@link CampaignInputCatalogueTest} refuses a bad input, in one line naming the
 * field and the bound, before anything runs.
 */
class BoundsCatalogueTest {

    private static final String NEURONS = "neurons per layer one core can hold";

    @TempDir
    Path temp;

    static Stream<Case> catalogue() {
        String manySigmaW = IntStream.rangeClosed(1, 20_000).mapToObj(i -> Double.toString(1 + i * 1e-5))
                .collect(Collectors.joining(", ", "[", "]"));
        String deepList = "[".repeat(100_000) + "]".repeat(100_000);
        return Stream.of(
                // Counts
                set("replicas beyond the bound", "grid.replicas=2147483647", "grid.replicas: expected at most 1000000"
                        + " (replicas per point one machine can plan), got 2147483647"),
                sets("width beyond the bound at depth 2", List.of("grid.width=[100000000]", "grid.depth=2"),
                        "grid.width: expected at most 1000000 (" + NEURONS + "), got 100000000"),
                set("depth 2^31 - 1", "grid.depth=2147483647",
                        "grid.depth: expected at most 10000000 (the layers one machine can record), got 2147483647"),
                set("depth 10^9", "grid.depth=1000000000",
                        "grid.depth: expected at most 10000000 (the layers one machine can record), got 1000000000"),
                cnnSets("cnn2d lattice beyond the bound", List.of("grid.arch=cnn2d", "grid.size=[65536]"),
                        "grid.size: expected channels x sites <= 1000000 (" + NEURONS + "), got 1.718e+10"),
                cnn("channels beyond the bound", "grid.channels=[2000000]",
                        "grid.channels: expected at most 1000000 (" + NEURONS + "), got 2000000"),
                set("analysis.bootstrap beyond the bound", "analysis.bootstrap=2000000000", "analysis.bootstrap:"
                        + " expected at most 100000 (resamples the fit can hold in memory), got 2000000000"),
                set("analysis.mcmc_steps 2^31 - 1", "analysis.mcmc_steps=2147483647", "analysis.mcmc_steps:"
                        + " expected at most 10000000 (samples the chain can hold), got 2147483647"),
                set("sigma_w list of 20000 values", "grid.sigma_w=" + manySigmaW,
                        "grid.sigma_w: expected at most 10000 (values a grid can plan), got 20000"),
                file("100,000-deep nested list", MLP.replace("depth = 4", "depth = " + deepList), "<conf>: nested too"
                        + " deeply to parse (a stack overflow); expected a campaign file of a few levels of blocks and"
                        + " lists"),
                command("bench --widths 2^31 - 1", List.of("bench", "--widths", "2147483647"),
                        "--widths: expected at most 1000000 (" + NEURONS + "), got 2147483647"),
                command("theory critical with 10^8 bias scales", List.of("theory", "critical", "--activation", "tanh",
                        "--sigma-b-range", "0.1:1:100000000"),
                        "--sigma-b-range: expected at most 100000 (lines of output), got 100000000"),
                // sigma_w grids
                set("linspace values closer than the id", "grid.sigma_w={ linspace = [1.3, 1.3000000000001, 3] }",
                        "grid.sigma_w.linspace: two values round to 1.3 at 12 significant digits, the resolution of"
                                + " the point id; expected values that differ in their first 12 digits"),
                set("around-critical reaching below 0", "grid.sigma_w={ around-critical = { half-width = 100,"
                        + " points = 5 } }", "grid.sigma_w.around-critical.half-width: expected a number in (0,"
                        + " 1.3955839751549013), the critical point, so that every sigma_w is > 0, got 100.0"),
                // Costs and output size
                sets("Gram cost overflowing an int", List.of("grid.width=[65536]", "grid.depth=32768",
                        "grid.replicas=10000"), "campaign.max_core_hours: the grid is estimated at 464 core-hours"
                        + " (2 points, 10000 replicas each), above the limit of 100; raise the limit (e.g. --set"
                        + " campaign.max_core_hours=464) or shrink the grid"),
                sets("raw rows beyond the bound", List.of("grid.sigma_w={ linspace = [1.3, 1.5, 11] }",
                        "grid.replicas=100000", "grid.depth=4096"), "grid.replicas: the grid writes 4.51e+09 raw rows"
                        + " (11 points x 100000 replicas x 4097 recorded layers), above the bound of 1e+09 rows (about"
                        + " 100 bytes a row: 100 GB); lower grid.replicas or grid.depth, or record fewer layers"
                        + " (grid.record = { log = n })"),
                // fit
                command("fit --set with a grid key after a comma", List.of("fit", "<dir>", "--set",
                        "analysis.bootstrap=0, grid.depth=9"), "--set: fit only changes the analysis block"
                        + " (analysis.*); got 'analysis.bootstrap=0, grid.depth=9'. Rerun the campaign to change what"
                        + " it computes."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusedWithExitTwoOneLineAndNothingWritten(Case c) throws IOException, InterruptedException {
        CampaignInputCatalogueTest.assertRefused(c, temp);
    }

    @Test
    void everyMessageIsDocumentedVerbatim() throws IOException {
        CampaignInputCatalogueTest.assertDocumented(catalogue(), "Bounds and costs");
    }

    /** A {@code --set} object replaces the file's object: the around-critical grid alone, not merged with linspace. */
    @Test
    void setReplacesTheKeyInsteadOfMergingIntoIt() throws IOException {
        Path conf = Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>", temp.resolve("out").toString())
                .replace("sigma_w = [1.3, 1.4]", "sigma_w = { linspace = [1.3, 1.5, 33] }"));
        Outcome plan = cli("plan", conf.toString(), "--set",
                "grid.sigma_w={ around-critical = { half-width = 0.05, points = 6 } }");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().lines().anyMatch(l -> l.startsWith("6 points, ")), plan.out());
    }

    @Test
    void planPrintsTheExpectedRawRowsAndTheirBound() throws IOException {
        Path conf = Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>", temp.resolve("out").toString()));
        Outcome plan = cli("plan", conf.toString());
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().lines().anyMatch(l -> l.equals("expected raw rows 20 (points x replicas x recorded"
                + " layers; at most 1e+09)")), plan.out());
    }
}
