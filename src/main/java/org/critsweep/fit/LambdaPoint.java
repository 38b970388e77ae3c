package org.critsweep.fit;

/**
 * One grid point of a family with its replicas' λ_N (PHYSICS.md §3).
 *
 * @param depth  the point's depth L_max, the last layer recorded
 * @param lambda λ_N per replica, a scalar per replica
 */
public record LambdaPoint(String pointId, double sigmaW, int depth, ReplicaMatrix lambda) {
}
