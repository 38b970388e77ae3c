package org.critsweep.kernel;

/**
 * The geometry of a replica pair over a block of components (a whole MLP layer, or the channels of one CNN site):
 * the squared lengths of h^a and h^b = h^a + d̃·2^e and ρ = 1 − cos(h^a, h^b) from the difference (PHYSICS.md §2):
 * 1 − c = |a|²|d⊥|²/(|a||b|(|a||b| + a·b)), d⊥ = d − (a·d/|a|²)a, exact however small ρ is; ln ρ stays finite far below
 * the double range of ρ. A mutable holder, reused per block so the hot loop allocates nothing.
 */
final class PairGeometry {

    private static final double LN2 = Math.log(2.0);

    double sumAA;
    double sumBB;
    double rho;
    double lnRho;

    /**
     * Measures components [from, to).
     *
     * @param exponent e of d = d̃·2^e
     * @param merged   whether the replicas are known to be identical (then ρ = 0, ln ρ = −∞ exactly)
     */
    void measure(double[] a, double[] dScaled, int exponent, boolean merged, int from, int to) {
        double toTrue = Math.scalb(1.0, Math.max(exponent, Double.MIN_EXPONENT - 53));
        double aa = 0.0;
        double bb = 0.0;
        double ab = 0.0;
        double ad = 0.0;
        for (int i = from; i < to; i++) {
            double ai = a[i];
            double bi = ai + dScaled[i] * toTrue;
            aa += ai * ai;
            bb += bi * bi;
            ab += ai * bi;
            ad += ai * dScaled[i];
        }
        sumAA = aa;
        sumBB = bb;
        double normProduct = Math.sqrt(aa) * Math.sqrt(bb);
        if (merged) {
            rho = 0.0;
            lnRho = Double.NEGATIVE_INFINITY;
        } else if (ab > 0.0) {
            // |d⊥|² = Σ (d_i − αa_i)², two chains so the sum is not latency-bound.
            double along = ad / aa;
            double perp0 = 0.0;
            double perp1 = 0.0;
            int i = from;
            for (; i + 1 < to; i += 2) {
                double p0 = dScaled[i] - along * a[i];
                double p1 = dScaled[i + 1] - along * a[i + 1];
                perp0 += p0 * p0;
                perp1 += p1 * p1;
            }
            for (; i < to; i++) {
                double p0 = dScaled[i] - along * a[i];
                perp0 += p0 * p0;
            }
            double perp2 = perp0 + perp1;
            lnRho = 2 * exponent * LN2 + Math.log(aa * perp2) - Math.log(normProduct * (normProduct + ab));
            rho = Math.exp(lnRho);
        } else {
            rho = 1.0 - ab / normProduct;
            lnRho = Math.log(rho);
        }
    }

    /**
     * The power of two that brings max|d̃| into [1, 2) (exact rescaling by {@code 2^-shift}), or
     * {@link Integer#MIN_VALUE} when d̃ is exactly zero: the replicas have merged.
     */
    static int normalisingShift(double[] dScaled) {
        double max = Vectors.maxAbs(dScaled, 0, dScaled.length);
        return max == 0.0 ? Integer.MIN_VALUE : Math.getExponent(max);
    }
}
