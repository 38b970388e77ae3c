package org.critsweep.theory;

/**
 * The mean-field iterates from inputs (q0, c0): q[l] and ρ[l] = 1 − c[l] for l = 0..depth. ρ is propagated in the
 * stable form, so it stays exact far below 1e-16.
 */
public record MeanFieldCurve(double[] q, double[] rho) {
}
