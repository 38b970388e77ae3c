package org.critsweep.kernel;

/**
 * What one replica pair of a CNN shows at one layer: the global observables (q over all sites and channels, global
 * ρ = mean over sites of ρ_x, G, the tangent) and, per activity threshold, the spreading observables.
 *
 * @param global      as for an MLP; {@code global.rho()} is mean_x ρ_x and {@code global.probe()} channel 0 of site 0
 * @param activeSites per threshold, the number of sites with ρ_x above it (N_a)
 * @param spreadR2    per threshold, the mean squared periodic distance of active sites from the origin (R²); NaN when
 *                    no site is active
 */
public record ConvObservables(LayerObservables global, int[] activeSites, double[] spreadR2) {
}
