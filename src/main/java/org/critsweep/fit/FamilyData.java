package org.critsweep.fit;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The data the analysis of one scaling family reads ({@link FamilyAnalysis}): the spark package reads it from the
 * campaign's tables, a test can make it up. Replicas that a numerical fault stopped are left out.
 */
public interface FamilyData {

    AnalysedFamily family();

    /** The family's points with their replicas' λ_N, by size (ascending); each size's points sorted by σ_w. */
    SortedMap<Integer, List<LambdaPoint>> lambdaBySize();

    /**
     * The replica-level ρ of each point over {@code layers}; replicas without every layer of the window are left out,
     * and points without data are absent.
     */
    Map<String, ReplicaMatrix> replicaRho(List<String> pointIds, LayerWindow layers);

    /**
     * The replica-level ln G^l (G = |h^l|²/n of one input) of each point over {@code layers}, as {@link #replicaRho};
     * a source without it (a test's planted λ_N) gives none, and the analysis of Var ln G then has no rows.
     */
    default Map<String, ReplicaMatrix> replicaLnG(List<String> pointIds, LayerWindow layers) {
        return Map.of();
    }

    /** A replica mean and its standard error per layer of {@code layers}, per point (absent without data). */
    Map<String, List<Measurement>> curves(List<String> pointIds, AggregatedCurve curve, LayerWindow layers);
}
