package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The MLP depth-scan collapse on planted mean-field data shaped like conf/mlp-tanh-fss.conf (PHYSICS.md §7): widths
 * 128 … 1024, depth 2048, a log grid of 160 recorded layers, the automatic window and layers, and
 * E ln ρ = −ln N + ln F((l + l0)/N), F(x) = e^{−1.9x}/(κx), l0 = 20 (a = b = 1), with the log-normal replica noise
 * of 128 replicas, Var ln ρ = 3 l/N + 0.05 per replica. The old form (ln l, window l/N in [1, 16]) read a ≈ 0.6–0.8
 * here; the mean over 8 data sets must be within 0.1 of 1 for both methods (the scatter per set is ≈ 0.09, so the
 * mean's is ≈ 0.03).
 */
class DepthScanCollapseTest {

    private static final AnalysedFamily MLP = new AnalysedFamily("planted", SizeVariable.WIDTH, 0);
    private static final int DEPTH = 2048;

    static List<ScalingPoint> planted(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> recorded = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            int layer = (int) Math.rint(Math.pow(DEPTH, i / 159.0));
            if (recorded.isEmpty() || layer > recorded.get(recorded.size() - 1)) {
                recorded.add(layer);
            }
        }
        List<ScalingPoint> points = new ArrayList<>();
        for (int width : new int[] {128, 256, 512, 1024}) {
            LayerWindow range = FitWindows.collapseRange(MLP, width, DEPTH, Optional.empty());
            for (int layer : FitWindows.collapseLayers(recorded, range)) {
                double x = (layer + 20.0) / width;
                double lnRho = -Math.log(width) - 1.9 * x - Math.log(SyntheticScaling.KAPPA * x);
                double stderr = Math.sqrt((3.0 * layer / width + 0.05) / 128);
                points.add(new ScalingPoint(width, layer, lnRho + stderr * random.nextGaussian(), stderr));
            }
        }
        return points;
    }

    @Test
    void recoversMeanFieldExponentsWithinATenth() {
        for (DataCollapse method : List.of(new HoudayerHartmannCollapse(), new BayesianCollapse(3, 2000))) {
            double[] mean = new double[2];
            int sets = 8;
            for (long seed = 1; seed <= sets; seed++) {
                CollapseResult result = FamilyAnalysis.depthScanCollapse(method, planted(seed), true);
                assertEquals(List.of("fss_a", "fss_b", "fss_l0"), result.names());
                mean[0] += result.estimate()[0] / sets;
                mean[1] += result.estimate()[1] / sets;
            }
            assertEquals(1.0, mean[0], 0.1, method.getClass().getSimpleName() + ": mean a");
            assertEquals(1.0, mean[1], 0.1, method.getClass().getSimpleName() + ": mean b");
        }
    }
}
