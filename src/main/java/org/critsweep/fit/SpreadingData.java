package org.critsweep.fit;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The data the spreading analysis of one family reads ({@link SpreadingAnalysis}): the CNN runs whose replicas differ
 * at one site only (PHYSICS.md §2). The spark package reads it from the campaign's tables, a test can make it up.
 * Replicas that a numerical fault stopped are left out.
 */
public interface SpreadingData {

    AnalysedFamily family();

    /** The activity thresholds, increasing; index k of {@link SpreadingReplicas} is the k-th of them. */
    List<Double> thresholds();

    /** The family's spreading points by lattice size L (ascending), each size's points sorted by σ_w. */
    SortedMap<Integer, List<SpreadingPoint>> pointsBySize();

    /**
     * The mean squared distance R²(l) of the active sites from the origin at the lowest threshold, averaged over the
     * replicas with an active site, per recorded layer (x = layer; layers where no replica survives are absent).
     */
    Map<String, List<Measurement>> meanSpread(List<String> pointIds);

    /** Per point, the replicas' N_a and R² at every threshold and at {@code layers} (those recorded). */
    Map<String, SpreadingReplicas> replicas(List<String> pointIds, List<Integer> layers);
}
