package org.critsweep.report;

/**
 * One {@code curves} row of a point the report plots layer by layer; NaN where the table has NULL (no mean-field
 * overlay for spreading runs, no spreading observables for MLPs).
 *
 * @param rho         mean ρ = 1 − c over replicas
 * @param lnRho       mean ln ρ over the replicas that did not merge
 * @param meanFieldRho the infinite-width prediction of ρ at this layer
 * @param survival    P(l): the fraction of replicas with an active site (first threshold)
 * @param activeSites N_a(l): the mean number of active sites (first threshold)
 * @param spreadR2    R²(l): their mean squared distance from the origin (first threshold)
 */
public record LayerRow(String pointId, int layer, double rho, double lnRho, double meanFieldRho, double survival,
                       double activeSites, double spreadR2) {
}
