package org.critsweep.theory;


/**
 * The leading 1/n correction (PHYSICS.md §5; Hanin 2024): with K the mean-field variance and v ≈ Var(G) the variance
 * of the next layer's variance G = σ_w²|φ(h)|²/n + σ_b²,
 * K′ = σ_w² E_K[φ²] + σ_b², v′ = (σ_w⁴/n) Var_K(φ²) + χ_∥(K)² v, χ_∥ = dK′/dK = σ_w² E_K[φ′² + φφ″].
 * Valid while v/K² ≪ 1 (l/n ≲ 0.25 for tanh at σ_w = 1, σ_b = 0).
 *
 * <p>The start is the inputs' exact law, not a Gaussian one: the kernel places h⁰ on the sphere |h⁰|² = n q0, which is
 * a Gaussian vector conditioned on its squared length, so at leading order G⁰ loses the part of φ² that is linear in
 * h²: Var(G⁰) = (σ_w⁴/n)[Var_{q0}(φ²) − Cov_{q0}(φ², h²)²/(2 q0²)] (3/n instead of 5/n for ReLU at σ_w² = 2, exactly
 * 0 for a linear net).
 */
public final class FiniteWidthRecursion {

    private FiniteWidthRecursion() {
    }

    /**
     * Var(G^l)/E[G^l]² for l = 0..depth−1 (G^l sets the variance of layer l + 1), from inputs of exact squared length
     * n q0 and uniform direction.
     */
    public static double[] relativeVarianceOfG(MeanField field, double q0, int width, int depth) {
        if (width < 1) {
            throw new IllegalArgumentException("width: expected >= 1, got " + width);
        }
        double w2 = field.sigmaW() * field.sigmaW();
        GaussianMoments m = field.moments();
        double[] ratio = new double[depth];
        double k = q0;
        double v = 0.0;
        for (int l = 0; l < depth; l++) {
            double square = m.square(k);
            double chiParallel = w2 * (m.slopeSquare(k) + m.valueTimesCurvature(k));
            double next = field.qMap(k);
            double noise = m.fourth(k) - square * square;
            if (l == 0) {
                double withLength = m.squareTimesArgumentSquare(k) - k * square;
                // max: for a linear net the two terms cancel exactly; only rounding is left.
                noise = Math.max(0.0, noise - withLength * withLength / (2.0 * k * k));
            }
            v = w2 * w2 / width * noise + chiParallel * chiParallel * v;
            k = next;
            ratio[l] = v / (k * k);
        }
        return ratio;
    }
}
