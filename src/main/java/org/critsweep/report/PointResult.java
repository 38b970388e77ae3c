package org.critsweep.report;

import org.critsweep.grid.ScalingFamily;

/**
 * One grid point of the {@code points} table with its λ_N (the {@code curves} row at the last layer).
 *
 * @param size          N for an MLP, L for a CNN
 * @param spreading     a CNN spreading run (one site differs between the replicas)
 * @param phase         the mean-field phase of its (activation, σ_w, σ_b): ordered, critical, chaotic or unbounded
 * @param lambda        λ_N, the mean over replicas of ln|u^L|/|u^0| / L; NaN before the point was computed
 * @param lambdaStderr  its standard error; NaN with one replica
 */
public record PointResult(String pointId, ScalingFamily family, int size, double sigmaW, boolean spreading,
                          String phase, double lambda, double lambdaStderr) {
}
