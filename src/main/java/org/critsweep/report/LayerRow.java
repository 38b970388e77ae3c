package org.critsweep.report;

import java.util.List;

/**
 * One {@code curves} row of a point the report plots layer by layer; NaN where the table has NULL (no mean-field
 * overlay for spreading runs, no spreading observables for MLPs).
 *
 * @param rho          mean ρ = 1 − c over replicas
 * @param rhoStderr    its standard error (NaN with one replica)
 * @param lnRho        mean ln ρ over the replicas that did not merge
 * @param meanFieldRho the infinite-width prediction of ρ at this layer
 * @param spreading    a spreading run's observables per activity threshold, in the order of grid.active_thresholds
 */
public record LayerRow(String pointId, int layer, double rho, double rhoStderr, double lnRho, double meanFieldRho,
                       List<Spreading> spreading) {

    private static final Spreading NONE = new Spreading(Double.NaN, Double.NaN, Double.NaN);

    /**
     * The spreading observables at one threshold.
     *
     * @param survival    P(l): the fraction of replicas with an active site
     * @param activeSites N_a(l): the mean number of active sites
     * @param spreadR2    R²(l): their mean squared distance from the origin
     */
    public record Spreading(double survival, double activeSites, double spreadR2) {
    }

    public LayerRow {
        spreading = List.copyOf(spreading);
    }

    /** A row with the spreading observables of one threshold. */
    public LayerRow(String pointId, int layer, double rho, double rhoStderr, double lnRho, double meanFieldRho,
                    double survival, double activeSites, double spreadR2) {
        this(pointId, layer, rho, rhoStderr, lnRho, meanFieldRho,
                List.of(new Spreading(survival, activeSites, spreadR2)));
    }

    /** The observables at the {@code index}-th threshold (from 0), NaN where the row has none. */
    public Spreading at(int index) {
        return index < spreading.size() ? spreading.get(index) : NONE;
    }

    /** P(l) at the first threshold. */
    public double survival() {
        return at(0).survival();
    }

    /** N_a(l) at the first threshold. */
    public double activeSites() {
        return at(0).activeSites();
    }

    /** R²(l) at the first threshold. */
    public double spreadR2() {
        return at(0).spreadR2();
    }
}
