package org.critsweep.kernel;

/**
 * The squared lengths a layer computes anyway, and the range check that turns them into a {@link NumericalFault}: a
 * few comparisons per layer, no per-element test in the hot loop. The observing propagator fills the fields; a
 * mutable holder, reused every layer, so the loop allocates nothing.
 *
 * <p>Why [2^-500, 2^500]: ρ multiplies two squared lengths (|a|²|b|² must stay a normal double, or ln ρ turns into ±∞
 * or NaN — it did, from |h|² ≈ 1e±155 on), and the aggregation squares q, g and the probe over replicas (variances,
 * the kurtosis), which must not overflow either. Inside the range every operation of a layer map is finite, so the
 * next layer's entries are finite, and a NaN can only come from the activation.
 */
final class LayerLengths {

    static final double LARGEST = 0x1p500;
    static final double SMALLEST = 0x1p-500;

    /** |h^a|² over the layer. */
    double sumAA;
    /** |h^b|² over the layer. */
    double sumBB;
    /** The smallest |h^a|² or |h^b|² of a block ρ is measured on: the layer for an MLP, one site for a CNN. */
    double smallestBlock;
    /** σ_w²|φ(h^a)|² + nσ_b² = n·G, the next layer's expected |h^a|². */
    double next;

    /**
     * @param growth the tangent's log-growth into this layer (NaN at layer 0, where it is undefined; −∞ once it died)
     * @return the fault at this layer, or null when every length is in range
     */
    NumericalFault check(int layer, double growth) {
        if (Double.isNaN(sumAA + sumBB + smallestBlock + next) || (layer > 0 && Double.isNaN(growth))) {
            return new NumericalFault(layer, NumericalFault.Kind.NAN_ACTIVATION);
        }
        if (sumAA > LARGEST || sumBB > LARGEST || next > LARGEST) {
            return new NumericalFault(layer, NumericalFault.Kind.Q_OVERFLOW);
        }
        if (smallestBlock < SMALLEST) {
            return new NumericalFault(layer, NumericalFault.Kind.Q_UNDERFLOW);
        }
        if (growth == Double.POSITIVE_INFINITY) {
            return new NumericalFault(layer, NumericalFault.Kind.TANGENT_OVERFLOW);
        }
        return null;
    }
}
