package org.critsweep.fit;

/**
 * The logarithms of P(l), N̄_a(l) and R̄²(l) of one point and threshold, per layer, with the variances of those
 * logarithms: {@code ln[observable.ordinal()][i]} at {@code layers[i]}; NaN where the mean is 0 or undefined.
 */
public record SpreadingCurves(double[] layers, double[][] ln, double[][] variance) {

    public double[] ln(SpreadingObservable o) {
        return ln[o.ordinal()];
    }

    public double[] variance(SpreadingObservable o) {
        return variance[o.ordinal()];
    }

    /** These curves with another's variances (the full data's, so every resample is weighted alike). */
    public SpreadingCurves weightedAs(SpreadingCurves full) {
        return new SpreadingCurves(layers, ln, full.variance);
    }

    /**
     * The curves at a σ_w a fraction {@code weight} of the way from this point to {@code above}: ln linear in σ_w, as
     * the critical decay interpolates ln ρ (PHYSICS.md §7); the variances combine as those of a weighted sum.
     */
    public SpreadingCurves interpolate(SpreadingCurves above, double weight) {
        double[][] lnOut = new double[ln.length][layers.length];
        double[][] varOut = new double[ln.length][layers.length];
        for (int o = 0; o < ln.length; o++) {
            for (int i = 0; i < layers.length; i++) {
                lnOut[o][i] = (1 - weight) * ln[o][i] + weight * above.ln[o][i];
                varOut[o][i] = (1 - weight) * (1 - weight) * variance[o][i]
                        + weight * weight * above.variance[o][i];
            }
        }
        return new SpreadingCurves(layers, lnOut, varOut);
    }
}
