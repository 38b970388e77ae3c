package org.critsweep.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A planted spreading family (one size, a σ_w scan, K thresholds) whose replica ensembles obey, at every threshold,
 * P(l) = l^−δ e^{b l}, N̄_a(l) = B_k l^θ e^{b l} and R̄²(l) = C_k l^{2/z} over the survivors, with b = g (σ_w − σ_c):
 * at σ_c pure power laws, below it P bends down, above it up, so that δ_eff = δ − b l drifts with the sign of
 * σ_c − σ_w. Each replica dies at a time drawn from P; a survivor's N_a and R² are the planted survivor means times
 * independent log-normal noise of mean 1 (per layer and threshold). The replicas' λ_N are λ' (σ_w − σ_λ) plus noise.
 */
final class SyntheticSpreading implements SpreadingData {

    /** DP 1+1 (PHYSICS.md §6). */
    static final double DP_DELTA = 0.159464;
    static final double DP_THETA = 0.313686;
    static final double DP_Z = 1.580745;

    /** The planted laws; {@code theta[k]} per threshold (equal for threshold-independent data). */
    record Planted(double delta, double[] theta, double z, double sigmaC, double bendPerSigma, double noise) {
    }

    private final int size;
    private final List<Double> thresholds;
    private final List<SpreadingPoint> points = new ArrayList<>();
    private final Map<String, double[][][]> activeSites = new HashMap<>();
    private final Map<String, double[][][]> spread = new HashMap<>();
    private final int depth;

    /**
     * @param sigmaW the scan; a point's id is its index
     * @param sigmaLambda where the planted λ_N changes sign
     */
    SyntheticSpreading(Planted planted, double[] sigmaW, int replicas, int depth, int size, double sigmaLambda,
                       long seed) {
        this.size = size;
        this.depth = depth;
        int k = planted.theta().length;
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            t.add(Math.pow(10, -9 + 3 * i));
        }
        this.thresholds = t;
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < sigmaW.length; p++) {
            double b = planted.bendPerSigma() * (sigmaW[p] - planted.sigmaC());
            double[] survival = new double[depth + 1];
            double running = 1.0;
            for (int l = 1; l <= depth; l++) {
                running = Math.min(running, Math.min(1.0, Math.pow(l, -planted.delta()) * Math.exp(b * l)));
                survival[l] = running;
            }
            survival[0] = 1.0;
            double[][][] active = new double[k][replicas][depth + 1];
            double[][][] r2 = new double[k][replicas][depth + 1];
            double[] lambda = new double[replicas];
            for (int r = 0; r < replicas; r++) {
                double u = random.nextDouble();
                lambda[r] = 0.9 * (sigmaW[p] - sigmaLambda) + 0.02 * random.nextGaussian();
                for (int l = 0; l <= depth; l++) {
                    boolean alive = survival[l] > u;
                    for (int i = 0; i < k; i++) {
                        double meanActive = (1 + i) * Math.pow(Math.max(l, 1), planted.theta()[i]) * Math.exp(b * l)
                                / survival[l];
                        double meanR2 = (1 + 0.5 * i) * Math.pow(Math.max(l, 1), 2 / planted.z());
                        active[i][r][l] = alive ? meanActive * noise(random, planted.noise()) : 0.0;
                        r2[i][r][l] = alive ? meanR2 * noise(random, planted.noise()) : Double.NaN;
                    }
                }
            }
            String id = Integer.toString(p);
            points.add(new SpreadingPoint(id, sigmaW[p], depth, ReplicaMatrix.scalar(lambda)));
            activeSites.put(id, active);
            spread.put(id, r2);
        }
    }

    private static double noise(SplittableRandom random, double sd) {
        return Math.exp(sd * random.nextGaussian() - sd * sd / 2);
    }

    /** The σ_w scan σ_c + step·(i − (n − 1)/2 + offset), i = 0 … n − 1. */
    static double[] scan(double sigmaC, double step, int n, double offset) {
        double[] sigmaW = new double[n];
        for (int i = 0; i < n; i++) {
            sigmaW[i] = sigmaC + step * (i - (n - 1) / 2.0 + offset);
        }
        return sigmaW;
    }

    @Override
    public AnalysedFamily family() {
        return new AnalysedFamily("synthetic spreading", SizeVariable.LATTICE, 1);
    }

    @Override
    public List<Double> thresholds() {
        return thresholds;
    }

    @Override
    public SortedMap<Integer, List<SpreadingPoint>> pointsBySize() {
        return new TreeMap<>(Map.of(size, points));
    }

    @Override
    public Map<String, List<Measurement>> meanSpread(List<String> pointIds) {
        Map<String, List<Measurement>> curves = new HashMap<>();
        for (String id : pointIds) {
            double[][] r2 = spread.get(id)[0];
            List<Measurement> curve = new ArrayList<>();
            for (int l = 0; l <= depth; l++) {
                double sum = 0;
                int n = 0;
                for (double[] replica : r2) {
                    if (!Double.isNaN(replica[l])) {
                        sum += replica[l];
                        n++;
                    }
                }
                if (n > 0) {
                    curve.add(new Measurement(l, sum / n, Double.NaN));
                }
            }
            curves.put(id, curve);
        }
        return curves;
    }

    @Override
    public Map<String, SpreadingReplicas> replicas(List<String> pointIds, List<Integer> layers) {
        Map<String, SpreadingReplicas> result = new HashMap<>();
        double[] x = layers.stream().mapToDouble(Integer::doubleValue).toArray();
        for (String id : pointIds) {
            result.put(id, new SpreadingReplicas(x, select(activeSites.get(id), layers), select(spread.get(id),
                    layers)));
        }
        return result;
    }

    private static List<double[][]> select(double[][][] values, List<Integer> layers) {
        List<double[][]> selected = new ArrayList<>();
        for (double[][] threshold : values) {
            double[][] out = new double[threshold.length][layers.size()];
            for (int r = 0; r < threshold.length; r++) {
                for (int i = 0; i < layers.size(); i++) {
                    out[r][i] = threshold[r][layers.get(i)];
                }
            }
            selected.add(out);
        }
        return selected;
    }
}
