package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.critsweep.report.CampaignResults;
import org.critsweep.report.LayerRow;
import org.critsweep.report.PointResult;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report stage at the end of a run: what it reads from the tables, and the page it writes. */
class ReportStageTest {

    @TempDir
    Path temp;

    @Test
    void aRunEndsWithItsReportAndTheReaderLoadsLayerCurvesOfThePlottedPointsOnly() throws IOException {
        CampaignStore store = new CampaignStore(temp);
        CampaignRun.Result result = CampaignRun.execute(SharedSpark.session(), TinyCampaigns.plan(temp.toString(),
                        "grid.sigma_w=[1.1, 1.5, 1.9, 2.3]", "analysis.bootstrap=20", "analysis.collapse=[hh]"),
                store, new SweepJob.Settings(2, 0), (d, t) -> { });

        assertEquals(store.root().resolve(ReportStage.FILE), result.report());
        String html = Files.readString(result.report());
        assertTrue(html.contains("<td class=\"name\">sigma_w_c</td>"), "the exponent table has the roots");
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(figures/[^\"]+)\"").matcher(html);
        int files = 0;
        for (; links.find(); files++) {
            assertTrue(Files.size(result.report().resolveSibling(links.group(1))) > 0, links.group(1) + " is written");
        }
        assertTrue(files >= 10, "a PNG and an SVG of every figure beside the page: " + files);
        Path stale = Files.writeString(result.report().resolveSibling("figures/99-an-earlier-title.svg"), "<svg/>");
        ReportStage.run(SharedSpark.session(), store);
        assertFalse(Files.exists(stale), "a figure the report no longer has is deleted when it is written again");
        assertTrue(Files.exists(result.report().resolveSibling("figures/01-rho-l-across-the-transition-n-12.svg")));
        Config manifest = store.requireManifest();
        assertEquals(List.of("sweep", "theory", "aggregate", "fit", "report"),
                CampaignRun.STAGES.stream().filter(s -> manifest.hasPath("stage_seconds." + s)).toList(),
                "the report's own timing is in the manifest");

        CampaignResults results = ReportReader.read(SharedSpark.session(), store);
        assertEquals(8, results.points().size(), "2 widths x 4 sigma_w");
        assertTrue(results.points().stream().allMatch(p -> Double.isFinite(p.lambda())), "every point has its λ_N");
        Set<String> loaded = results.layers().stream().map(LayerRow::pointId).collect(Collectors.toSet());
        assertEquals(results.plottedPoints(), loaded);
        assertTrue(loaded.size() < results.points().size(), "only the plotted points' curves: " + loaded);
        assertEquals(21 * loaded.size(), results.layers().size(), "layers 0..20 of each");
    }

    @Test
    void aSpreadingCampaignReportsSurvivalActiveSitesSpreadAndTheirLocalSlopes() throws IOException {
        CampaignStore store = new CampaignStore(temp);
        CampaignRun.Result result = CampaignRun.execute(SharedSpark.session(), TinyCampaigns.spreading(temp.toString()),
                store, new SweepJob.Settings(2, 0), (d, t) -> { });
        String html = Files.readString(result.report());
        for (String plot : List.of("Survival probability P(l), L = 32", "Active sites N_a(l), L = 32",
                "Spread R²(l), L = 32")) {
            assertTrue(html.contains("alt=\"" + plot + "\""), plot);
        }
        assertTrue(html.contains("<h3>Spreading exponents per activity threshold</h3>"), html);
        for (String plot : List.of("Active sites N_a(l), σ_w = ", "Local slope of N_a(l), σ_w = ")) {
            assertTrue(html.contains("alt=\"" + plot), "drawn at both thresholds from curves: " + plot);
        }
        assertFalse(html.contains("<strong>Survival probability"), "no spreading plot is left out");
        assertTrue(ReportReader.read(SharedSpark.session(), store).points().stream().allMatch(PointResult::spreading));
    }
}
