package org.critsweep.fit;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The estimates a bootstrap produced, one per resample that gave one (a resample can fail: no sign change, a fit
 * that does not converge); {@code failures} counts the others.
 */
public record BootstrapDistribution(double[] values, int failures) {

    public BootstrapDistribution {
        values = values.clone();
        Arrays.sort(values);
    }

    public int successes() {
        return values.length;
    }

    /** Sample standard deviation of the resampled estimates: the bootstrap standard error; NaN below two. */
    public double standardDeviation() {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double sum = 0.0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** The p-th percentile (0 < p ≤ 100) of the resampled estimates; NaN when none succeeded. */
    public double percentile(double p) {
        return values.length == 0 ? Double.NaN : new Percentile().evaluate(values, p);
    }

    /** The fraction of resamples that produced an estimate. */
    public double successRate() {
        int total = values.length + failures;
        return total == 0 ? 0.0 : (double) values.length / total;
    }
}
