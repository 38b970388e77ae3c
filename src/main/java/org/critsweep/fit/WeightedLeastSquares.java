package org.critsweep.fit;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.Pair;
import java.util.Optional;

/**
 * Weighted nonlinear least squares (Levenberg–Marquardt) of y ≈ f(x; p) with weights 1/σ². The parameter
 * covariance is inflated by χ²/dof when the scatter exceeds the stated errors (never deflated), so a model that
 * does not describe the data reports wider errors rather than false precision.
 */
final class WeightedLeastSquares {

    /** f(x; p) and its gradient in p, written into {@code gradient}. */
    interface Model {
        double value(double x, double[] p, double[] gradient);
    }

    /**
     * @param parameters the fitted p
     * @param stderr     their standard errors (inflated)
     * @param chi2PerDof χ²/dof at the optimum (NaN with no degree of freedom)
     */
    record Solution(double[] parameters, double[] stderr, double chi2PerDof) {
    }

    private WeightedLeastSquares() {
    }

    /** The fit, or empty when it does not converge or a parameter or its error is not finite (singular covariance). */
    static Optional<Solution> fit(double[] x, double[] y, double[] sigma, Model model, double[] start) {
        int n = x.length;
        int k = start.length;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / (sigma[i] * sigma[i]);
        }
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(p -> evaluate(model, x, p.toArray(), k))
                    .target(y)
                    .weight(new DiagonalMatrix(weights))
                    .start(start)
                    .maxEvaluations(2000)
                    .maxIterations(2000)
                    .build());
            int dof = n - k;
            double cost = optimum.getCost();
            double chi2PerDof = dof > 0 ? cost * cost / dof : Double.NaN;
            double inflation = dof > 0 ? Math.sqrt(Math.max(1.0, chi2PerDof)) : 1.0;
            RealMatrix covariance = optimum.getCovariances(1e-14);
            double[] parameters = optimum.getPoint().toArray();
            double[] stderr = new double[k];
            for (int j = 0; j < k; j++) {
                stderr[j] = Math.sqrt(covariance.getEntry(j, j)) * inflation;
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(parameters[j]) || !Double.isFinite(stderr[j])) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Solution(parameters, stderr, chi2PerDof));
        } catch (MathIllegalStateException | MathIllegalArgumentException notConvergedOrSingular) {
            return Optional.empty();
        }
    }

    private static Pair<org.apache.commons.math3.linear.RealVector, RealMatrix> evaluate(Model model, double[] x,
                                                                                         double[] p, int k) {
        double[] values = new double[x.length];
        double[][] jacobian = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            values[i] = model.value(x[i], p, jacobian[i]);
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
