package org.critsweep.kernel;


/**
 * One random layer of an MLP applied to three columns that share its weights: the post-activations φ(h^a) of
 * replica a, the (scaled) difference φ(h^b) − φ(h^a), and the tangent φ′(h^a) ⊙ u.
 *
 * <p>It writes h^a_{l+1} = W φ(h^a) + b, d_{l+1} = W Δφ and u_{l+1} = W (φ′ ⊙ u) with W_ij ~ N(0, σ_w²/N) and
 * b_i ~ N(0, σ_b²) fresh for this layer; the bias enters replica a only (it cancels in the difference and does
 * not act on tangents). Implementations differ in how they sample (dense weights or the exact Gram law).
 */
public interface LayerMap {

    void apply(double[] postActivation, double[] difference, double[] tangent,
               double[] nextPreActivation, double[] nextDifference, double[] nextTangent, NormalStream random);
}
