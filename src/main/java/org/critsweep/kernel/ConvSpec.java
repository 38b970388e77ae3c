package org.critsweep.kernel;

import java.util.Arrays;

/**
 * The parameters of a random CNN and its pair of inputs (PHYSICS.md §1): periodic 1D or 2D lattice of size L
 * (L × L in 2D), C channels per site, kernel k = 2r + 1, weights N(0, σ_w²/(C k^d)) fresh every layer, biases
 * N(0, σ_b²) per channel.
 *
 * @param activeThresholds a site is active where ρ_x exceeds the threshold; several so that spreading observables can
 *                         be checked not to depend on it; each in (0, 1), increasing
 * @param sharedWeights    true for a CNN (one filter and bias per layer, shared by every site); false for the locally
 *                         connected control (a fresh filter and bias per site and layer)
 */
public record ConvSpec(Activation activation, double sigmaW, double sigmaB, int dimensions, int channels, int size,
                       int kernelSize, int depth, double q0, double c0, Protocol protocol, double[] activeThresholds,
                       boolean sharedWeights) {

    public ConvSpec {
        // The shared physical constraints (σ_w, σ_b, depth, q0, c0) are NetworkSpec's.
        new NetworkSpec(activation, sigmaW, sigmaB, Math.max(2, channels), depth, q0, c0);
        if (dimensions != 1 && dimensions != 2) {
            throw new IllegalArgumentException("dimensions: expected 1 or 2, got " + dimensions);
        }
        if (channels < 2) {
            throw new IllegalArgumentException("channels: expected >= 2, got " + channels);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size: expected >= 1, got " + size);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0 || kernelSize > size) {
            throw new IllegalArgumentException("kernel_size: expected an odd integer in [1, size = " + size + "], got "
                    + kernelSize);
        }
        if (protocol == null) {
            throw new IllegalArgumentException("protocol: required");
        }
        activeThresholds = activeThresholds.clone();
        for (int i = 0; i < activeThresholds.length; i++) {
            double t = activeThresholds[i];
            if (!(t > 0.0 && t < 1.0) || (i > 0 && !(t > activeThresholds[i - 1]))) {
                throw new IllegalArgumentException("active_thresholds: expected increasing values in (0, 1), got "
                        + Arrays.toString(activeThresholds));
            }
        }
    }

    /** A CNN: weights shared across sites. */
    public ConvSpec(Activation activation, double sigmaW, double sigmaB, int dimensions, int channels, int size,
                    int kernelSize, int depth, double q0, double c0, Protocol protocol, double[] activeThresholds) {
        this(activation, sigmaW, sigmaB, dimensions, channels, size, kernelSize, depth, q0, c0, protocol,
                activeThresholds, true);
    }

    @Override
    public double[] activeThresholds() {
        return activeThresholds.clone();
    }

    public int sites() {
        return dimensions == 1 ? size : size * size;
    }

    public int taps() {
        return dimensions == 1 ? kernelSize : kernelSize * kernelSize;
    }
}
