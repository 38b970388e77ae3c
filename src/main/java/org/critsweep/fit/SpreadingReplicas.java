package org.critsweep.fit;

import java.util.List;

/**
 * One spreading point's replica-level observables at selected layers: per activity threshold k, the number of active
 * sites {@code activeSites.get(k)[replica][i]} and their mean squared distance from the origin
 * {@code spreadR2.get(k)[replica][i]} (NaN where no site is active) at layer {@code layers[i]}. A replica survives at
 * threshold k while it has an active site.
 */
public record SpreadingReplicas(double[] layers, List<double[][]> activeSites, List<double[][]> spreadR2) {

    public SpreadingReplicas {
        activeSites = List.copyOf(activeSites);
        spreadR2 = List.copyOf(spreadR2);
        if (activeSites.isEmpty() || activeSites.size() != spreadR2.size()) {
            throw new IllegalArgumentException("spreading replicas: expected N_a and R² at the same >= 1 thresholds,"
                    + " got " + activeSites.size() + " and " + spreadR2.size());
        }
        int replicas = activeSites.get(0).length;
        for (int k = 0; k < activeSites.size(); k++) {
            check(activeSites.get(k), replicas, layers.length, "N_a");
            check(spreadR2.get(k), replicas, layers.length, "R²");
        }
    }

    private static void check(double[][] values, int replicas, int layers, String name) {
        if (values.length != replicas) {
            throw new IllegalArgumentException("spreading replicas: " + name + " has " + values.length
                    + " replicas, expected " + replicas);
        }
        for (double[] replica : values) {
            if (replica.length != layers) {
                throw new IllegalArgumentException("spreading replicas: every replica needs " + layers + " layers of "
                        + name + ", got " + replica.length);
            }
        }
    }

    public int replicas() {
        return activeSites.get(0).length;
    }

    public int thresholds() {
        return activeSites.size();
    }

    /**
     * ln P, ln N̄_a and ln R̄² (over the surviving drawn replicas) per layer at threshold {@code k}; NaN where a mean
     * is 0 or undefined (no survivor). The variances, of the full data, are what weights the fits: binomial for P (with
     * P estimated as (s + ½)/(n + 1), so that P = 1 does not get an infinite weight), the sample variance over n (at
     * least one site, one site², so that identical replicas do not either) for the means.
     */
    public SpreadingCurves curves(int k, int[] draw) {
        int n = layers.length;
        double[][] ln = new double[SpreadingObservable.values().length][n];
        double[][] variance = new double[ln.length][n];
        double[][] active = activeSites.get(k);
        double[][] spread = spreadR2.get(k);
        for (int i = 0; i < n; i++) {
            int survivors = 0;
            double sumN = 0.0;
            double sumN2 = 0.0;
            double sumR = 0.0;
            double sumR2 = 0.0;
            for (int r : draw) {
                double a = active[r][i];
                sumN += a;
                sumN2 += a * a;
                if (a > 0.0) {
                    survivors++;
                    sumR += spread[r][i];
                    sumR2 += spread[r][i] * spread[r][i];
                }
            }
            int replicas = draw.length;
            double p = (double) survivors / replicas;
            double smoothed = (survivors + 0.5) / (replicas + 1.0);
            set(ln, variance, SpreadingObservable.SURVIVAL, i, p, (1 - smoothed) / (replicas * smoothed) * p * p);
            double meanN = sumN / replicas;
            set(ln, variance, SpreadingObservable.ACTIVE_SITES, i, meanN,
                    Math.max(1.0, sumN2 / replicas - meanN * meanN) / replicas);
            double meanR = survivors == 0 ? 0.0 : sumR / survivors;
            set(ln, variance, SpreadingObservable.SPREAD, i, meanR,
                    survivors == 0 ? Double.NaN : Math.max(1.0, sumR2 / survivors - meanR * meanR) / survivors);
        }
        return new SpreadingCurves(layers, ln, variance);
    }

    /** ln of a mean with the variance of the ln (variance of the mean / mean²); NaN for a mean of 0. */
    private static void set(double[][] ln, double[][] variance, SpreadingObservable o, int i, double mean,
                            double varianceOfMean) {
        boolean positive = mean > 0.0;
        ln[o.ordinal()][i] = positive ? Math.log(mean) : Double.NaN;
        variance[o.ordinal()][i] = positive ? varianceOfMean / (mean * mean) : Double.NaN;
    }
}
