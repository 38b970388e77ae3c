package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Synthetic finite-size data with known scaling parameters and Gaussian noise of known size, for collapse tests. */
public final class SyntheticScaling {

    /** Mean-field critical decay constant at tanh, σ_b = 0.3 (PHYSICS.md §4). */
    public static final double KAPPA = 0.2335;
    /** The depth-scan exponents ρ(l; N) = N^{−a} F(l / N^b) of the mean-field data. */
    public static final double MF_A = 1.0;
    public static final double MF_B = 1.0;

    /** Directed percolation in 1+1 dimensions: β, ν⊥ and a critical point t_c, so c1 = 1/ν⊥, c2 = −β/ν⊥. */
    public static final double DP_BETA = 0.276486;
    public static final double DP_NU_PERP = 1.096854;
    public static final double DP_T_C = 0.6447;
    public static final double DP_C1 = 1.0 / DP_NU_PERP;
    public static final double DP_C2 = -DP_BETA / DP_NU_PERP;

    private SyntheticScaling() {
    }

    /** The widths N of the mean-field depth scans. */
    public static int[] mfSizes() {
        return new int[] {64, 128, 256, 512};
    }

    /** The lattice sizes L of the directed-percolation data. */
    public static int[] dpSizes() {
        return new int[] {32, 64, 128, 256};
    }

    /**
     * ln ρ = −ln N + ln F(l/N) with F(x) = e^{−x/2} / (κx + 0.1) at integer layers log-spaced over [N/16, 2N], plus
     * Gaussian noise of sd {@code noise} (also the stated stderr). For {@link ScalingForm#depthScan()}.
     */
    public static List<ScalingPoint> mfDepthScan(long seed, int[] sizes, int layersPerSize, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScalingPoint> points = new ArrayList<>();
        for (int size : sizes) {
            double first = size / 16.0;
            double last = 2.0 * size;
            int[] layers = IntStream.range(0, layersPerSize)
                    .map(i -> (int) Math.rint(first * Math.pow(last / first, i / (layersPerSize - 1.0))))
                    .distinct().toArray();
            for (int layer : layers) {
                double x = layer / Math.pow(size, MF_B);
                double lnRho = -MF_A * Math.log(size) - x / 2.0 - Math.log(KAPPA * x + 0.1);
                points.add(new ScalingPoint(size, layer, lnRho + noise * random.nextGaussian(), noise));
            }
        }
        return points;
    }

    /**
     * A = L^{−β/ν⊥} F((t − t_c) L^{1/ν⊥}) with the smooth, monotone, positive F(X) = 2 + tanh X + 0.3 X on X in
     * [−2, 2], times (1 + relativeNoise · Gaussian), stderr = relativeNoise · A. Each size's X-grid is shifted by a
     * different fraction of a spacing, so that the grids do not coincide at the truth (a common t-grid would not).
     * For {@link ScalingForm#generic()}.
     */
    public static List<ScalingPoint> dpLattice(long seed, int[] sizes, int pointsPerSize, double relativeNoise) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScalingPoint> points = new ArrayList<>();
        for (int j = 0; j < sizes.length; j++) {
            double offset = (j + 0.5) / sizes.length;
            for (int i = 0; i < pointsPerSize; i++) {
                double x = -2.0 + 4.0 * (i + offset) / pointsPerSize;
                double t = DP_T_C + x * Math.pow(sizes[j], -DP_C1);
                double a = Math.pow(sizes[j], DP_C2) * (2.0 + Math.tanh(x) + 0.3 * x);
                points.add(new ScalingPoint(sizes[j], t, a * (1.0 + relativeNoise * random.nextGaussian()),
                        relativeNoise * a));
            }
        }
        return points;
    }
}
