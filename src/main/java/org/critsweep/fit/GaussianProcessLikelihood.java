package org.critsweep.fit;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Harada's Gaussian-process model of a master curve (PRE 84, 056704 (2011)): the scaled ordinates, less their mean,
 * are one draw from a zero-mean process with covariance
 * Σ_ij = t0² exp(−(X_i − X_j)² / (2 t1²)) + δ_ij (E_i² + t2²).
 */
final class GaussianProcessLikelihood {

    private static final double LN_2PI = Math.log(2.0 * Math.PI);

    private GaussianProcessLikelihood() {
    }

    /**
     * @param amplitude   t0, the master curve's typical excursion from its mean
     * @param lengthScale t1, the X distance over which it changes
     * @param extraNoise  t2, scatter beyond the stated errors
     * @return −½ Yᵀ Σ⁻¹ Y − ½ ln det Σ − (n/2) ln 2π, or −∞ where Σ is not numerically positive definite
     */
    static double logMarginal(List<ScaledPoint> points, double amplitude, double lengthScale, double extraNoise) {
        int n = points.size();
        double meanY = points.stream().mapToDouble(ScaledPoint::y).average().orElseThrow();
        double[] residual = new double[n];
        DMatrixRMaj covariance = new DMatrixRMaj(n, n);
        double signal = amplitude * amplitude;
        double inverseTwoL2 = 1.0 / (2.0 * lengthScale * lengthScale);
        for (int i = 0; i < n; i++) {
            ScaledPoint pi = points.get(i);
            residual[i] = pi.y() - meanY;
            covariance.unsafe_set(i, i, signal + pi.e() * pi.e() + extraNoise * extraNoise);
            for (int j = 0; j < i; j++) {
                double dx = pi.x() - points.get(j).x();
                double k = signal * Math.exp(-dx * dx * inverseTwoL2);
                covariance.unsafe_set(i, j, k);
                covariance.unsafe_set(j, i, k);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        if (!cholesky.decompose(covariance)) {
            return Double.NEGATIVE_INFINITY;
        }
        DMatrixRMaj lower = cholesky.getT(null);
        double halfLogDet = 0.0;
        for (int i = 0; i < n; i++) {
            halfLogDet += Math.log(lower.unsafe_get(i, i));
        }
        TriangularSolver_DDRM.solveL(lower.data, residual, n); // residual ← L⁻¹ (Y − Ȳ); Yᵀ Σ⁻¹ Y = |L⁻¹ Y|²
        double quadratic = 0.0;
        for (double z : residual) {
            quadratic += z * z;
        }
        double logLikelihood = -0.5 * quadratic - halfLogDet - 0.5 * n * LN_2PI;
        return Double.isFinite(logLikelihood) ? logLikelihood : Double.NEGATIVE_INFINITY;
    }
}
