package org.critsweep.kernel;

/**
 * A statistic estimated from replicas, with its standard error (test helper).
 *
 * @param value         the estimate
 * @param standardError its standard error (large-sample)
 */
record Estimate(double value, double standardError) {

    /** (value − expected)/standardError: |z| < 3.5 fails a correct law with probability ≈ 4.7e-4 (normal tails). */
    double z(double expected) {
        return (value - expected) / standardError;
    }

    @Override
    public String toString() {
        return value + " ± " + standardError;
    }
}
