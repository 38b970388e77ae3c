package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.Measurement;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

/**
 * A small synthetic CNN campaign: a pair family at C = 8 with roots at three L, its L extrapolation and a channel
 * scan, and a spreading family with P(l) = l^−0.16, N_a = l^0.31, R² = l^1.26 at three thresholds and their fits.
 */
class CnnReportTest {

    private static final ScalingFamily PAIR = new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 0.3,
            8);
    private static final ScalingFamily SPREAD = new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 0.3,
            16);
    private static final int[] SIZES = {16, 32, 64};
    private static final double[] THRESHOLDS = {1e-9, 1e-6, 1e-3};

    private static FitRow row(ScalingFamily family, Integer size, String scope, String quantity, double estimate,
                              String window) {
        return new FitRow(family, family.channels(), size, scope, new FitResult(quantity, estimate, 0.01, "test",
                window, 1.0, 5));
    }

    private static FitCurvePoint curve(ScalingFamily family, String curve, String series, double x, double y) {
        return new FitCurvePoint(family, series, curve, series, new Measurement(x, y, 0.005));
    }

    private static CampaignResults campaign(boolean withFits) {
        List<PointResult> points = new ArrayList<>();
        List<LayerRow> layers = new ArrayList<>();
        List<FitRow> fits = new ArrayList<>();
        List<FitCurvePoint> curves = new ArrayList<>();
        for (int size : SIZES) {
            for (double sigmaW : new double[] {1.40, 1.45, 1.50, 1.55}) {
                points.add(new PointResult(String.format(Locale.ROOT, "c%d-%.2f", size, sigmaW), PAIR, size, sigmaW,
                        false, "ordered", sigmaW - 1.47 - 0.3 / size, 0.002));
            }
            if (withFits) {
                fits.add(row(PAIR, size, "L=" + size, "sigma_w_c", 1.47 + 0.3 / size, "sigma_w in [1.45, 1.5]"));
            }
        }
        for (double sigmaW : new double[] {1.44, 1.46, 1.48}) {
            String id = String.format(Locale.ROOT, "s-%.2f", sigmaW);
            points.add(new PointResult(id, SPREAD, 256, sigmaW, true, "chaotic", Double.NaN, Double.NaN));
            for (int layer = 0; layer <= 120; layer++) {
                List<LayerRow.Spreading> perThreshold = new ArrayList<>();
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    double l = Math.max(layer, 1);
                    perThreshold.add(new LayerRow.Spreading(Math.pow(l, -0.16) / (k + 1), (k + 1) * Math.pow(l, 0.31),
                            Math.pow(l, 1.26)));
                }
                layers.add(new LayerRow(id, layer, Double.NaN, Double.NaN, Double.NaN, Double.NaN, perThreshold));
            }
        }
        if (withFits) {
            fits.add(row(PAIR, null, "L->inf", "sigma_w_c_inf", 1.47, "L in [16, 32, 64], a L^-omega, omega fixed"));
            fits.add(row(PAIR, null, "L->inf", "sigma_w_c_inf_systematic", 0.004, "half the spread"));
            fits.add(row(PAIR, null, "C in [2, 4, 8]", "channel_slope_mf", 0.7, "C in [2, 4, 8], sigma_MF fixed"));
            fits.add(row(PAIR, null, "C in [2, 4, 8]", "channel_mf_p", 0.4, "chi2"));
            fits.add(row(PAIR, null, "C in [2, 4, 8]", "channel_sigma_w_c_inf", 1.398, "C in [2, 4, 8], free"));
            for (int i = 0; i < 40; i++) {
                double u = i / 39.0 / 16;
                curves.add(curve(PAIR, "sigma_w_c_lattice_law", "omega = 0.9117 (DP 1+1)", u, 1.466 + 0.35 * u));
                curves.add(curve(PAIR, "sigma_w_c_lattice_law", "omega = 2 (mean field)", u, 1.474 + 4 * u * u));
            }
            for (int c : new int[] {2, 4, 8}) {
                curves.add(curve(PAIR, "sigma_w_c_channels", "measured", c, 1.39558 + 0.7 / c));
                curves.add(curve(PAIR, "sigma_w_c_channels", "law, mean field fixed", c, 1.39558 + 0.7 / c));
            }
            for (double t : THRESHOLDS) {
                String scope = "L=256, threshold=" + t;
                fits.add(row(SPREAD, 256, scope, "spreading_delta", 0.16, "layer in [10, 100]"));
                fits.add(row(SPREAD, 256, scope, "spreading_theta", 0.31, "layer in [10, 100]"));
                fits.add(row(SPREAD, 256, scope, "spreading_z", 2 / 1.26, "layer in [10, 100]"));
            }
            fits.add(row(SPREAD, 256, "L=256", "sigma_w_c_spreading", 1.46, "flat local slopes"));
        }
        return new CampaignResults(ReportFixtures.manifest("cnn"), points, fits, curves, layers);
    }

    private static String rendered(boolean withFits) {
        CampaignResults results = campaign(withFits);
        return ReportPage.render(results.withLayers(results.layers()), Instant.parse("2026-12-05T12:00:00Z"));
    }

    @Test
    void aCnnCampaignHasItsExtrapolationInLTheChannelScanAndTheSpreadingSection() throws Exception {
        String html = rendered(true);
        for (String title : List.of("σ_w,c(L) against 1/L, extrapolated to L → ∞", "σ_w,c against the channels C",
                "Survival probability P(l), σ_w = 1.460, L = 256", "Active sites N_a(l), σ_w = 1.460, L = 256",
                "Spread R²(l), σ_w = 1.460, L = 256", "Local slope of P(l), σ_w = 1.460, L = 256",
                "Local slope of N_a(l), σ_w = 1.460, L = 256", "Local slope of R²(l), σ_w = 1.460, L = 256")) {
            assertTrue(html.contains("alt=\"" + Html.escape(title) + "\""), "figure " + title);
        }
        assertTrue(html.contains("spreading_theta = 0.310 ± 0.010 (threshold 1e-06, layer in [10, 100])"), html);
        assertTrue(ReportPageTest.images(html).stream().allMatch(i -> i.getWidth() == 2 * Charts.WIDTH),
                "every figure is an embedded PNG");
    }

    @Test
    void withoutFitRowsTheCnnFiguresAreOmittedWithOneSentenceAndTheDataStillDrawn() {
        String html = rendered(false);
        assertTrue(html.contains("<strong>σ_w,c(L) against 1/L, extrapolated to L → ∞</strong> — not drawn: no"
                + " extrapolation in L (no sigma_w_c_inf row)"), html);
        assertTrue(html.contains("<strong>σ_w,c against the channels C</strong> — not drawn: no channel scan"), html);
        assertTrue(html.contains("No fitted law: the fits table has no spreading_delta row for this family."), html);
        assertTrue(html.contains("alt=\"Local slope of P(l), σ_w = 1.460, L = 256\""), "local slopes come from curves");
    }

    @Test
    void localSlopesOfAPowerLawAreItsExponent() {
        double[] x = {1, 2, 3, 4, 6, 8, 12, 16, 32, 64};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -0.159464);
        }
        double[][] slopes = SpreadingPlots.slopes(new double[][] {x, y});
        assertEquals(9, slopes[0].length, "each layer with one at least twice as deep");
        for (double s : slopes[1]) {
            assertEquals(-0.159464, s, 1e-12);
        }
        assertEquals(Math.sqrt(2), slopes[0][0], 1e-12);
        double[][] line = SpreadingPlots.lawLine(new double[][] {x, y}, -0.159464, new double[] {2, 16});
        assertEquals(3 * Math.pow(2, -0.159464), line[1][0], 1e-12, "the law meets the data it was drawn over");
        assertEquals(List.of(10.0, 100.0), List.of(SpreadingPlots.window("layer in [10, 100], 6 layers", x)[0],
                SpreadingPlots.window("layer in [10, 100]", x)[1]));
    }
}
