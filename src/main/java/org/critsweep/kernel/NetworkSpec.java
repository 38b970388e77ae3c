package org.critsweep.kernel;

/**
 * The physical parameters of one random network and its pair of inputs (PHYSICS.md §1).
 *
 * @param activation φ
 * @param sigmaW     weight scale σ_w; W_ij ~ N(0, σ_w²/N)
 * @param sigmaB     bias scale σ_b; b_i ~ N(0, σ_b²)
 * @param width      N, the number of neurons per layer
 * @param depth      the number of layers L after the input layer 0
 * @param q0         the exact squared length per neuron of both inputs, |h⁰|²/N
 * @param c0         the exact correlation of the two inputs, in [−1, 1]; c0 = 1 is the absorbing state
 */
public record NetworkSpec(Activation activation, double sigmaW, double sigmaB, int width, int depth, double q0, double c0) {

    public NetworkSpec {
        if (activation == null) {
            throw new IllegalArgumentException("activation: required");
        }
        requirePositive("sigma_w", sigmaW);
        if (!(sigmaB >= 0.0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException("sigma_b: expected a finite value >= 0, got " + sigmaB);
        }
        if (width < 2) {
            throw new IllegalArgumentException("width: expected >= 2, got " + width);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth: expected >= 1, got " + depth);
        }
        requirePositive("q0", q0);
        if (!(c0 >= -1.0 && c0 <= 1.0)) {
            throw new IllegalArgumentException("c0: expected a value in [-1, 1], got " + c0);
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite value > 0, got " + value);
        }
    }
}
