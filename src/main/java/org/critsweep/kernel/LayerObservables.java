package org.critsweep.kernel;

/**
 * What one replica's network shows at one layer (PHYSICS.md §2). Layer 0 is the input.
 *
 * @param layer            l, from 0 (inputs) to the depth
 * @param qA               q_aa = |h^a|²/N
 * @param qB               q_bb = |h^b|²/N
 * @param rho              ρ = 1 − c; exactly 0 in the absorbing state; may underflow to 0 below ~1e-308 while
 *                         {@code lnRho} stays finite
 * @param lnRho            ln ρ, exact far below the double range of ρ; −∞ exactly when ρ = 0 by absorption
 * @param gA               G = σ_w²|φ(h^a)|²/N + σ_b², the variance of the next layer's pre-activations
 * @param tangentLogGrowth ln(|u^l|/|u^{l−1}|) of the forward tangent; NaN at layer 0, where it is undefined
 * @param tangentLogNorm   ln(|u^l|/|u^0|), the running sum of the growths; λ_N = tangentLogNorm(L)/L; −∞ once the
 *                         tangent died exactly (a ReLU layer with every neuron off)
 * @param probe            the pre-activation h^a_0 of one fixed neuron, whose law over replicas shows the
 *                         finite-width non-Gaussianity (excess kurtosis = 3 Var(G^{l−1})/E[G^{l−1}]², PHYSICS.md §2)
 * @param meanFourth       Σ_i (h^a_i)⁴/N over the layer's N components: beside qA = Σ_i (h^a_i)²/N, what the pooled
 *                         kurtosis estimator needs (PHYSICS.md §5); at most (N qA)²/N, so finite wherever qA is
 */
public record LayerObservables(
        int layer, double qA, double qB, double rho, double lnRho, double gA, double tangentLogGrowth,
        double tangentLogNorm, double probe, double meanFourth) {

    /** Whether the two replicas have merged exactly (h^a = h^b), after which they stay merged. */
    public boolean absorbed() {
        return rho == 0.0 && lnRho == Double.NEGATIVE_INFINITY;
    }

    /** Whether ρ is below the double range (ρ = 0 in {@link #rho()}) while the replicas are still distinct. */
    public boolean rhoUnderflow() {
        return rho == 0.0 && lnRho > Double.NEGATIVE_INFINITY;
    }
}
