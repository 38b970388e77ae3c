package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The plots on known data: their axes, series and values, and the plots left out when the data cannot carry them. */
class PlotsTest {

    private static FamilyResults family(List<FitRow> fits) {
        return ReportFixtures.campaign("plots", fits, List.of()).family(ReportFixtures.TANH);
    }

    private static XYChart chart(Panel panel) {
        return assertInstanceOf(Panel.Plot.class, panel).chart();
    }

    @Test
    void lyapunovPlotHasOneScanPerWidthTheZeroLineAndEachRootOnIt() {
        XYChart chart = chart(LyapunovPlot.withRoots(family(ReportFixtures.criticalPointFits("v"))));
        assertEquals("σ_w", chart.getXAxisTitle());
        assertEquals("λ_N (nats / layer)", chart.getYAxisTitle());
        assertEquals(List.of("N=16", "N=32", "λ_N = 0", "σ_w,c(N=16) = 1.5831 ± 0.0040",
                "σ_w,c(N=32) = 1.4894 ± 0.0030"), new ArrayList<>(chart.getSeriesMap().keySet()));
        XYSeries n32 = chart.getSeriesMap().get("N=32");
        assertArrayEquals(ReportFixtures.SIGMA_W, n32.getXData(), 0.0);
        assertEquals(0.5 * (1.30 - ReportFixtures.root(32)), n32.getYData()[0], 1e-15);
        XYSeries root = chart.getSeriesMap().get("σ_w,c(N=32) = 1.4894 ± 0.0030");
        assertArrayEquals(new double[] {ReportFixtures.root(32)}, root.getXData(), 0.0);
        assertArrayEquals(new double[] {0.0}, root.getYData(), 0.0);
    }

    @Test
    void extrapolationLineAndBandFollowTheFittedCoefficients() {
        XYChart chart = chart(ExtrapolationPlot.of(family(ReportFixtures.criticalPointFits("v"))));
        assertEquals("1/N (1 / neurons)", chart.getXAxisTitle());
        XYSeries roots = chart.getSeriesMap().get("λ_N roots σ_w,c(N)");
        assertArrayEquals(new double[] {1.0 / 16, 1.0 / 32}, roots.getXData(), 0.0);
        XYSeries line = chart.getSeriesMap().get("fit: σ_w,c(∞) = 1.3956 ± 0.0020, a = 3.00 ± 0.20");
        double[] x = line.getXData();
        assertEquals(0.0, x[0]);
        assertEquals(1.3956, line.getYData()[0], 1e-12, "the line starts at σ_w,c(∞)");
        int last = x.length - 1;
        assertEquals(1.3956 + 3.0 * x[last], line.getYData()[last], 1e-12);
        XYSeries upper = chart.getSeriesMap().get("± 1 standard error");
        assertEquals(1.3956 + 0.002, upper.getYData()[0], 1e-12, "at 1/N = 0 the band is σ_w,c(∞)'s own error");
        assertEquals(line.getYData()[last] + Math.hypot(0.002, 0.2 * x[last]), upper.getYData()[last], 1e-12);
        assertTrue(chart.getSeriesMap().keySet().stream().anyMatch(n -> n.startsWith("mean field σ_w,c = 1.3955")),
                "the mean-field critical point of tanh at σ_b = 0.3 is marked");
    }

    @Test
    void extrapolationIsLeftOutWithoutItsFitAndForCnnSizes() {
        List<FitRow> rootsOnly = ReportFixtures.criticalPointFits("v").stream()
                .filter(f -> f.quantity().equals("sigma_w_c")).toList();
        Panel.Omission missing = assertInstanceOf(Panel.Omission.class, ExtrapolationPlot.of(family(rootsOnly)));
        assertTrue(missing.reason().endsWith("and 2 widths have one"), missing.reason());
        FamilyResults cnn = new FamilyResults(new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 0.3, 8),
                List.of(), List.of(), List.of(), Map.of());
        assertInstanceOf(Panel.Omission.class, ExtrapolationPlot.of(cnn));
    }

    /**
     * The ξ correction: left out without its curve (a one-width campaign), drawn with one point and no fitted slope
     * (nothing to fit), and with the slope line through the origin ending at the last predicted point when fitted.
     */
    @Test
    void xiCorrectionIsLeftOutWithoutDataAndDrawsFromASinglePoint() {
        assertInstanceOf(Panel.Omission.class, XiCorrectionPlot.of(family(List.of())));
        List<FitCurvePoint> single = List.of(ReportFixtures.curvePoint("xi_correction", "N=32", 0.1, 0.17),
                ReportFixtures.curvePoint("xi_correction", "predicted", 0.1, 0.18));
        XYChart lone = chart(XiCorrectionPlot.of(ReportFixtures.campaign("xi", List.of(), single)
                .family(ReportFixtures.TANH)));
        assertEquals(List.of("N=32", "predicted −2c ξ_MF/N"), List.copyOf(lone.getSeriesMap().keySet()));
        List<FitCurvePoint> two = new ArrayList<>(single);
        two.add(ReportFixtures.curvePoint("xi_correction", "N=16", 0.2, 0.35));
        two.add(ReportFixtures.curvePoint("xi_correction", "predicted", 0.2, 0.36));
        XYChart fitted = chart(XiCorrectionPlot.of(ReportFixtures.campaign("xi", List.of(ReportFixtures.fit(null,
                "N->inf", "xi_correction_slope", 1.75, 0.05, "2 points")), two).family(ReportFixtures.TANH)));
        XYSeries line = fitted.getSeriesMap().get("fit slope = 1.750 ± 0.050");
        assertArrayEquals(new double[] {0.0, 0.2}, line.getXData(), 1e-12);
        assertArrayEquals(new double[] {0.0, 0.35}, line.getYData(), 1e-12);
    }

    @Test
    void rhoAcrossTheTransitionIsLogLogWithOneMeanFieldLegendEntry() {
        XYChart chart = chart(LayerPlots.rhoAcrossTheTransition(family(List.of())));
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
        assertEquals("layer l", chart.getXAxisTitle());
        assertEquals("ρ = 1 − c", chart.getYAxisTitle());
        assertEquals("ρ(l) across the transition, N = 32", chart.getTitle());
        List<XYSeries> series = new ArrayList<>(chart.getSeriesMap().values());
        assertEquals(10, series.size(), "5 σ_w of the largest width, each with its mean field");
        assertEquals("σ_w = 1.300 (ordered)", series.get(0).getName());
        assertEquals(1, series.stream().filter(s -> s.isShowInLegend() && s.getName().startsWith("mean field"))
                .count());
        XYSeries first = series.get(0);
        assertEquals(1.0, first.getXData()[0], "layer 0 is not drawn on a log axis");
        assertEquals(ReportFixtures.DEPTH, first.getXData().length);
        assertTrue(series.get(5).getXData().length < ReportFixtures.DEPTH, "the dashed prediction is thinned");
    }

    @Test
    void logLogPointsDropWhatALogAxisCannotShowAndThinningKeepsBothEnds() {
        List<LayerRow> rows = java.util.stream.Stream.of(new double[] {0, 0.5}, new double[] {1, 0.25},
                new double[] {2, 1e-9}, new double[] {3, Double.NaN}, new double[] {4, 0.125})
                .map(v -> new LayerRow("p", (int) v[0], v[1], 0, 0, 0, 0, 0, 0)).toList();
        double[][] points = LogLogPoints.of(rows, LayerRow::rho);
        assertArrayEquals(new double[] {1, 4}, points[0], 0.0);
        assertArrayEquals(new double[] {0.25, 0.125}, points[1], 0.0);
        double[] layers = java.util.stream.IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
        double[][] thinned = LogLogPoints.thinned(new double[][] {layers, layers});
        assertEquals(1.0, thinned[0][0]);
        assertEquals(1000.0, thinned[0][thinned[0].length - 1]);
        assertTrue(thinned[0].length <= 3 * LogLogPoints.PER_DECADE + 2 && thinned[0].length >= 20,
                "about 12 points per decade over 3 decades: " + thinned[0].length);
    }

    @Test
    void transitionCurvesSpreadOverTheScanAndCriticalCurvesAreBracketedByTheGridPointsAroundEachRoot() {
        List<PointResult> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> new PointResult("p" + i,
                ReportFixtures.TANH, 64, 1.30 + 0.02 * i, false, "ordered", 0, 0)).toList();
        FamilyResults scan = new FamilyResults(ReportFixtures.TANH, eleven, List.of(), List.of(), Map.of());
        assertEquals(List.of("p0", "p2", "p3", "p5", "p7", "p8", "p10"),
                CurveSelection.transition(scan).stream().map(PointResult::pointId).toList());
        Map<Integer, CurveSelection.Bracket> brackets =
                CurveSelection.rootBrackets(family(ReportFixtures.criticalPointFits("v")));
        CurveSelection.Bracket beyond = brackets.get(16);
        assertEquals(1.50, beyond.below().sigmaW(), "root 1.583 is beyond the scan: the end point stands in");
        assertEquals(1.50, beyond.above().sigmaW());
        assertEquals(0.0, beyond.t());
        CurveSelection.Bracket inside = brackets.get(32);
        assertEquals(1.45, inside.below().sigmaW());
        assertEquals(1.50, inside.above().sigmaW());
        assertEquals((ReportFixtures.root(32) - 1.45) / 0.05, inside.t(), 1e-12, "root 1.4894 = 1.45 + t · 0.05");
    }

    @Test
    void phaseDiagramColoursThePointsByPhaseAndDrawsTheCriticalLine() {
        XYChart chart = chart(PhaseDiagram.of(ReportFixtures.points()));
        assertEquals(List.of("mean-field σ_w,c(σ_b), tanh", "ordered (4 points)", "chaotic (6 points)"),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        XYSeries line = chart.getSeriesMap().get("mean-field σ_w,c(σ_b), tanh");
        assertEquals(1.0, line.getYData()[0], 1e-9, "σ_w,c = 1 at σ_b = 0 for tanh");
    }

    @Test
    void aPlotEncodesToANonBlankPngOfTwiceItsSize() throws IOException {
        byte[] png = Charts.png(chart(LyapunovPlot.withRoots(family(ReportFixtures.criticalPointFits("v")))));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(2 * Charts.WIDTH, image.getWidth());
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        assertTrue(coloured > 1000, "the coloured series are drawn: " + coloured + " coloured pixels");
    }

    @Test
    void rhoAtTheRootIsLinearInSigmaWBetweenTheTwoGridPointsWithTheirErrorsInQuadrature() {
        List<LayerRow> below = new ArrayList<>();
        List<LayerRow> above = new ArrayList<>();
        for (int layer = 0; layer <= 4; layer++) {
            below.add(new LayerRow("b", layer, 0.4 / (layer + 1), 0.03, 0, 0, 0, 0, 0));
            above.add(new LayerRow("a", layer, 0.2, layer == 2 ? Double.NaN : 0.04, 0, 0, 0, 0, 0));
        }
        above.remove(4); // layer 4 only below: not interpolated
        RootInterpolation.Curve curve = RootInterpolation.at(below, above, 0.25);
        assertArrayEquals(new double[] {1, 2, 3}, curve.layer(), 0.0, "layers >= 1 that both points have");
        assertArrayEquals(new double[] {0.75 * 0.2 + 0.25 * 0.2, 0.75 * 0.4 / 3 + 0.25 * 0.2,
            0.75 * 0.1 + 0.25 * 0.2}, curve.rho(), 1e-15);
        assertEquals(Math.hypot(0.75 * 0.03, 0.25 * 0.04), curve.stderr()[0], 1e-15);
        assertTrue(Double.isNaN(curve.stderr()[1]), "a NaN error of a weighted point stays NaN");
        RootInterpolation.Curve onGrid = RootInterpolation.at(below, above, 0.0);
        assertEquals(0.03, onGrid.stderr()[1], 1e-15, "weight 0: the other point's NaN error adds nothing");
    }

    @Test
    void rhoAtTheCriticalPointIsInterpolatedToEachRootAndTheMeanFieldDecaysAsAPowerLawAtItsCriticalPoint() {
        XYChart chart = chart(LayerPlots.rhoAtTheCriticalPoint(family(ReportFixtures.criticalPointFits("v"))));
        XYSeries n32 = chart.getSeriesMap().get("N=32 at σ_w,c = 1.4894 ± 0.0030");
        double rho10 = 0.2 * Math.exp(-10 / 20.0);
        assertEquals(rho10, n32.getYData()[9], 1e-15, "both grid points have the same ρ: so has the interpolation");
        XYSeries band = chart.getSeriesMap().get("± 1 standard error (dotted)");
        assertEquals(1.05 * rho10, band.getYData()[9], 1e-15, "the first band is N=16's, at the end of the scan: its"
                + " point's 5 % error");
        double t = (ReportFixtures.root(32) - 1.45) / 0.05;
        double error = Math.hypot(1 - t, t) * 0.05 * rho10;
        XYSeries upper32 = chart.getSeriesMap().get("N=32 at σ_w,c = 1.4894 ± 0.0030, upper");
        assertEquals(rho10 + error, upper32.getYData()[9], 1e-15);
        XYSeries meanField = chart.getSeriesMap().get("mean field at σ_w,c = 1.395584");
        assertTrue(meanField != null, chart.getSeriesMap().keySet().toString());
        double[] l = meanField.getXData();
        double[] rho = meanField.getYData();
        int last = l.length - 1;
        int half = java.util.stream.IntStream.range(0, l.length).filter(i -> l[i] >= l[last] / 2).findFirst()
                .orElseThrow();
        // At σ_w,c the mean-field ρ decays as 1/(κ (l + l0)) (docs/PHYSICS.md §4): 1/ρ grows linearly, at the rate κ,
        // the closed form ½ σ_w² q* E[φ''(√q* z)²]; the approach to the asymptote bends it by O(ln l / l)
        double growth = (1 / rho[last] - 1 / rho[half]) / (l[last] - l[half]);
        double kappa = org.critsweep.theory.MeanField.of(ActivationKind.TANH.activation(), 1.395584, 0.3).point()
                .kappa();
        assertEquals(kappa, growth, 0.1 * kappa, "a power law, not a plateau");
    }

    @Test
    void everyUniversalityClassHasItsOwnColourAndDashesInTheEffectiveExponentPlot() {
        List<FitCurvePoint> curves = List.of(ReportFixtures.curvePoint("delta_eff", "N=32", 10, 0.9),
                ReportFixtures.curvePoint("delta_eff", "N=32", 20, 0.95));
        XYChart chart = chart(EffectiveExponentPlot.of(ReportFixtures.campaign("classes", List.of(), curves)
                .family(ReportFixtures.TANH)));
        List<XYSeries> references = chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("δ = "))
                .toList();
        assertEquals(java.util.Arrays.stream(org.critsweep.fit.UniversalityClass.values())
                .filter(c -> Double.isFinite(c.delta())).count(), references.size(),
                "an MLP's plot shows every class with a δ: " + chart.getSeriesMap().keySet());
        assertTrue(references.size() >= 4, "mean field, DP 1+1, DP 2+1 and MN 1+1 at least");
        java.util.Set<String> styles = new java.util.HashSet<>();
        java.util.Set<java.awt.Color> colours = new java.util.HashSet<>();
        for (XYSeries reference : references) {
            styles.add(java.util.Arrays.toString(reference.getLineStyle().getDashArray()));
            colours.add(reference.getLineColor());
        }
        assertEquals(references.size(), styles.size(), "no two classes share dashes");
        assertEquals(references.size(), colours.size(), "no two classes share a colour");
    }
}
