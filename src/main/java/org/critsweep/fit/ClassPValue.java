package org.critsweep.fit;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * How far a class's value of one exponent lies in the tails of a measurement of it (PHYSICS.md §7): the two-sided
 * p = 2 min(P(X ≤ v), P(X ≥ v)), X the measured exponent's sampling distribution. Without a bootstrap X is normal about
 * the estimate with its standard error. With one, X is the resampled estimates, skewed as they are (this inverts the
 * percentile interval): they are mapped by y = ±ln(±(x − a)) on the side of their long tail, the mildest such map
 * that makes y symmetric ({@link #symmetrising}), and smoothed there by a Gaussian kernel ({@link #kernelWidth}). A
 * skewed bootstrap thus keeps its long tail beyond the last of a few hundred resamples, where a kernel in x would give
 * it a thin Gaussian one and reject too readily.
 *
 * <p>The class value's own uncertainty σ and the measurement's systematic s widen every kernel in quadrature, each
 * mapped to y by the slope of the map (at the class value and at the estimate): an uncertain class value or critical
 * point widens the distribution rather than being dropped. A class value outside the map's domain lies beyond the
 * nearest resample by more than a quarter of that resample's distance from the median; its p is 0.
 *
 * @param map           the symmetrising map
 * @param centres       the mapped resamples, or the estimate alone
 * @param width         the kernel width in y (the standard error for the estimate alone)
 * @param estimateSlope dy/dx at the estimate, for the systematic
 * @param systematic    the measurement's systematic half-width, in x
 */
public record ClassPValue(ShiftedLog map, double[] centres, double width, double estimateSlope, double systematic) {

    /** Fewer resamples than this do not describe a distribution; the standard error is used instead. */
    static final int MIN_RESAMPLES = 20;

    /** The shifts tried, in units of the distance from the nearest resample to the median, beyond that resample. */
    private static final double MAX_SHIFT = 1024;
    private static final double MIN_SHIFT = 0.25;
    private static final double SHIFT_STEP = 1.25;
    private static final double BANDWIDTH_FACTOR = 1.2;

    /**
     * y = side·ln(side·(x − a)), side = +1 (a below the data: a long upper tail) or −1 (a above: a long lower one);
     * {@link #IDENTITY} is y = x.
     */
    public record ShiftedLog(double a, int side) {

        static final ShiftedLog IDENTITY = new ShiftedLog(Double.NaN, 0);

        double apply(double x) {
            if (side == 0) {
                return x;
            }
            double u = side * (x - a);
            return u > 0 ? side * Math.log(u) : side * Double.NEGATIVE_INFINITY;
        }

        double slope(double x) {
            return side == 0 ? 1.0 : Math.abs(1.0 / (x - a));
        }
    }

    /** Whether the evidence can be compared at all: a usable bootstrap, or a finite positive standard error. */
    public static boolean usable(ExponentEvidence e) {
        return Double.isFinite(e.estimate()) && (resamples(e) != null || Double.isFinite(e.stderr()) && e.stderr() > 0);
    }

    /** The smoothed sampling distribution of a {@link #usable} measurement. */
    public static ClassPValue of(ExponentEvidence e) {
        double[] x = resamples(e);
        if (x == null) {
            return new ClassPValue(ShiftedLog.IDENTITY, new double[] {e.estimate()}, e.stderr(), 1.0, e.systematic());
        }
        ShiftedLog map = symmetrising(x);
        double[] y = Arrays.stream(x).map(map::apply).toArray();
        Arrays.sort(y);
        double slope = map.slope(e.estimate());
        return new ClassPValue(map, y, kernelWidth(y), Double.isFinite(slope) ? slope : map.slope(median(x)),
                e.systematic());
    }

    /**
     * @param classValue the class's value of the exponent, with its uncertainty (finite)
     * @return the two-sided p-value in [0, 1]; tiny values keep their size (both tails come from erfc)
     */
    public double pValue(UniversalityClass.Value classValue) {
        double v = map.apply(classValue.value());
        if (Double.isInfinite(v)) {
            return 0.0;
        }
        double w = Math.sqrt(width * width + Math.pow(classValue.error() * map.slope(classValue.value()), 2)
                + Math.pow(systematic * estimateSlope, 2));
        double lower = 0.0;
        double upper = 0.0;
        for (double c : centres) {
            double t = (v - c) / (w * Math.sqrt(2));
            lower += 0.5 * Erf.erfc(-t);
            upper += 0.5 * Erf.erfc(t);
        }
        return Math.min(1.0, 2.0 * Math.min(lower, upper) / centres.length);
    }

    private static double[] resamples(ExponentEvidence e) {
        return e.bootstrap().map(BootstrapDistribution::values)
                .filter(v -> v.length >= MIN_RESAMPLES && Arrays.stream(v).allMatch(Double::isFinite))
                .filter(v -> v[v.length - 1] > v[0]).orElse(null);
    }

    /**
     * The mildest map that makes the resamples symmetric within the sampling error of their skewness, 2√(6/n): y = x
     * if x is; else the shifted log on the side of the long tail with the largest shift (from 1024 down to 1/4 times
     * the distance from the median to the nearest resample, in steps of 1.25) that does, or the most symmetric one
     * when none does. Taking the mildest keeps the noise of a few hundred resamples from over-correcting the skew and
     * thinning the opposite tail.
     */
    static ShiftedLog symmetrising(double[] sorted) {
        double tolerance = 2 * Math.sqrt(6.0 / sorted.length);
        double identitySkew = skewness(sorted, ShiftedLog.IDENTITY);
        if (!(Math.abs(identitySkew) > tolerance)) {
            return ShiftedLog.IDENTITY;
        }
        double lowest = sorted[0];
        double highest = sorted[sorted.length - 1];
        double median = median(sorted);
        ShiftedLog best = ShiftedLog.IDENTITY;
        double bestSkew = Math.abs(identitySkew);
        for (double r = MAX_SHIFT; r >= MIN_SHIFT; r /= SHIFT_STEP) {
            ShiftedLog candidate = identitySkew > 0 ? new ShiftedLog(lowest - r * (median - lowest), 1)
                    : new ShiftedLog(highest + r * (highest - median), -1);
            double skew = Math.abs(skewness(sorted, candidate));
            if (skew <= tolerance) {
                return candidate;
            }
            if (skew < bestSkew) {
                best = candidate;
                bestSkew = skew;
            }
        }
        return best;
    }

    private static double skewness(double[] x, ShiftedLog map) {
        double[] y = Arrays.stream(x).map(map::apply).toArray();
        double mean = Arrays.stream(y).average().orElseThrow();
        double m2 = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        double m3 = Arrays.stream(y).map(v -> (v - mean) * (v - mean) * (v - mean)).average().orElseThrow();
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.POSITIVE_INFINITY;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * The kernel width 1.2 sd n^−1/5: Scott's normal-reference rule (1.06) widened until the planted value of a normal
     * or lognormal bootstrap of 200 resamples was rejected no more often than nominal — at p < 0.01 and p < 0.002,
     * 0.64 % and 0.18 % of 20000 sets (Silverman's 0.9 min(sd, IQR/1.34) gave 0.89 % and 0.29 %: the far tail of a
     * few hundred resamples is too noisy for a narrower kernel).
     */
    static double kernelWidth(double[] y) {
        int n = y.length;
        double mean = Arrays.stream(y).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        return BANDWIDTH_FACTOR * sd * Math.pow(n, -0.2);
    }
}
