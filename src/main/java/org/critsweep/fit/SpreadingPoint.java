package org.critsweep.fit;

/**
 * One spreading run of a family: a σ_w at one lattice size.
 *
 * @param lambda every replica's λ_N (the tangent's log-growth per layer), for the comparison with the Lyapunov root
 */
public record SpreadingPoint(String pointId, double sigmaW, int depth, ReplicaMatrix lambda) {

    public SpreadingPoint {
        if (!Double.isFinite(sigmaW) || depth < 1) {
            throw new IllegalArgumentException("spreading point " + pointId + ": expected a finite sigma_w and depth"
                    + " >= 1, got " + sigmaW + ", " + depth);
        }
    }
}
