package org.critsweep.theory;


/**
 * The leading 1/n correction (PHYSICS.md §5; Hanin 2024): with K the mean-field variance and v ≈ Var(G) the variance
 * of the next layer's variance G = σ_w²|φ(h)|²/n + σ_b²,
 * K′ = σ_w² E_K[φ²] + σ_b², v′ = (σ_w⁴/n) Var_K(φ²) + χ_∥(K)² v, χ_∥ = dK′/dK = σ_w² E_K[φ′² + φφ″].
 * Valid while v/K² ≪ 1 (l/n ≲ 0.25 for tanh at σ_w = 1, σ_b = 0).
 */
public final class FiniteWidthRecursion {

    private FiniteWidthRecursion() {
    }

    /**
     * Var(G^l)/E[G^l]² for l = 0..depth−1 (G^l sets the variance of layer l + 1), from exact inputs with q0.
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
            v = w2 * w2 / width * (m.fourth(k) - square * square) + chiParallel * chiParallel * v;
            k = next;
            ratio[l] = v / (k * k);
        }
        return ratio;
    }
}
