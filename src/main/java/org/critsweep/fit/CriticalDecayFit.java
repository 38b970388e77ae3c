package org.critsweep.fit;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The mean-field critical decay 1/ρ = κ l + b (SCIENCE.md §4: ρ_l = 1/(κ(l + l0)), δ = 1), fitted by weighted least
 * squares on 1/ρ with σ(1/ρ) = σ(ρ)/ρ². Errors are the covariance of the weighted fit, inflated by √(χ²/dof) when
 * the scatter exceeds the stated errors (never deflated).
 */
public final class CriticalDecayFit {

    public static final String QUANTITY = "kappa";
    public static final String METHOD = "wls_inverse_rho";

    private CriticalDecayFit() {
    }

    /**
     * @param curve ρ per layer (x = layer), with standard errors; points with a non-finite or zero error, or ρ ≤ 0,
     *              cannot be weighted and are skipped
     * @param fromLayer first layer of the window
     * @param toLayer   last layer of the window
     * @return κ, or empty with fewer than three usable layers in the window
     */
    public static Optional<FitResult> fit(List<Measurement> curve, int fromLayer, int toLayer) {
        List<Measurement> usable = curve.stream()
                .filter(m -> m.x() >= fromLayer && m.x() <= toLayer)
                .filter(m -> m.value() > 0.0 && Double.isFinite(m.stderr()) && m.stderr() > 0.0)
                .toList();
        int n = usable.size();
        if (n < 3) {
            return Optional.empty();
        }
        double[] layers = new double[n];
        double[] inverse = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Measurement m = usable.get(i);
            layers[i] = m.x();
            inverse[i] = 1.0 / m.value();
            double sigma = m.stderr() / (m.value() * m.value());
            weights[i] = 1.0 / (sigma * sigma);
        }
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(params -> linearModel(params, layers))
                .target(inverse)
                .weight(new DiagonalMatrix(weights))
                .start(new double[] {initialSlope(layers, inverse), inverse[0]})
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build());
        int dof = n - 2;
        double cost = optimum.getCost(); // √(Σ w r²)
        double chi2PerDof = cost * cost / dof;
        double inflation = Math.sqrt(Math.max(1.0, chi2PerDof));
        double kappa = optimum.getPoint().getEntry(0);
        double stderr = Math.sqrt(optimum.getCovariances(1e-14).getEntry(0, 0)) * inflation;
        return Optional.of(new FitResult(QUANTITY, kappa, stderr, METHOD,
                "layer in [" + (long) layers[0] + ", " + (long) layers[n - 1] + "]", chi2PerDof, n));
    }

    private static Pair<RealVector, RealMatrix> linearModel(RealVector params, double[] layers) {
        double kappa = params.getEntry(0);
        double offset = params.getEntry(1);
        double[] values = new double[layers.length];
        double[][] jacobian = new double[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            values[i] = kappa * layers[i] + offset;
            jacobian[i] = new double[] {layers[i], 1.0};
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static double initialSlope(double[] x, double[] y) {
        int last = x.length - 1;
        return (y[last] - y[0]) / (x[last] - x[0]);
    }
}
