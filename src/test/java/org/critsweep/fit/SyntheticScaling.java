package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic finite-size data with known scaling parameters and Gaussian noise of known size, for the fit tests: λ_N
 * scans around a width-dependent critical point, critical decays, and data for the collapses.
 */
public final class SyntheticScaling {

    /** Mean-field critical decay constant at tanh, σ_b = 0.3 (PHYSICS.md §4). */
    public static final double KAPPA = 0.2335;
    /** The offset l0 of the planted critical decays ρ = 1/(κ(l + l0)). */
    public static final double DECAY_OFFSET = 20.0;
    /** The layers 1 … DECAY_LAYERS of a planted critical decay. */
    public static final int DECAY_LAYERS = 400;

    /** σ_w,c(N) = σ∞ + a/N, the finite-width law of PHYSICS.md §5 with its tanh, σ_b = 0.3 numbers: σ∞ … */
    public static final double SIGMA_INF = 1.3955839751548;
    /** … and a. */
    public static final double CRITICAL_SLOPE = 3.08;
    /** The per-replica noise of the planted λ_N, and their gradient dλ/dσ_w. */
    private static final double LAMBDA_NOISE = 0.02;
    private static final double LAMBDA_GRADIENT = 0.9;
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

    /** The widths N of the planted λ_N scans. */
    public static int[] lambdaWidths() {
        return new int[] {64, 128, 256, 512};
    }

    /**
     * λ_N scans over σ_w = 1.30, 1.32, …, 1.50 at each of {@link #lambdaWidths()}: per replica
     * λ = 0.9 (σ_w − σ_w,c(N)) + Gaussian noise of sd 0.02, with σ_w,c(N) = {@link #SIGMA_INF} + {@link
     * #CRITICAL_SLOPE}/N.
     */
    public static List<CriticalPointAnalysis.SizeScan> lambdaScans(long seed, int replicas) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CriticalPointAnalysis.SizeScan> scans = new ArrayList<>();
        double[] sigmaW = new double[11];
        for (int i = 0; i < sigmaW.length; i++) {
            sigmaW[i] = 1.30 + 0.02 * i;
        }
        for (int width : lambdaWidths()) {
            double critical = SIGMA_INF + CRITICAL_SLOPE / width;
            ReplicaMatrix[] lambda = new ReplicaMatrix[sigmaW.length];
            for (int p = 0; p < sigmaW.length; p++) {
                double[] perReplica = new double[replicas];
                for (int r = 0; r < replicas; r++) {
                    perReplica[r] = LAMBDA_GRADIENT * (sigmaW[p] - critical) + LAMBDA_NOISE * gaussian(random);
                }
                lambda[p] = ReplicaMatrix.scalar(perReplica);
            }
            scans.add(new CriticalPointAnalysis.SizeScan(width, sigmaW, lambda));
        }
        return scans;
    }

    /**
     * A critical decay over layers 1 … {@link #DECAY_LAYERS}: ρ_r(l) = 1/(κ(l + l0)) · e^{s g_r − s²/2} with
     * s = 0.3 (l / DECAY_LAYERS)^{1/2}, a mean-field decay with a log-normal replica factor (g_r standard normal).
     */
    public static ReplicaMatrix criticalDecay(long seed, int replicas) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] layers = new double[DECAY_LAYERS];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = l + 1;
        }
        double[][] values = new double[replicas][layers.length];
        for (int r = 0; r < replicas; r++) {
            double g = gaussian(random);
            for (int l = 0; l < layers.length; l++) {
                double s = 0.3 * Math.sqrt(layers[l] / layers.length);
                values[r][l] = 1.0 / (KAPPA * (layers[l] + DECAY_OFFSET)) * Math.exp(s * g - s * s / 2);
            }
        }
        return new ReplicaMatrix(layers, values);
    }

    /** A standard normal by Box–Muller, from two uniforms. */
    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
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
